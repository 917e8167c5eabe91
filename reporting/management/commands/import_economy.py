from reporting.management.commands._file_import import FileImportCommand
from reporting.municipal.imports import import_economy


class Command(FileImportCommand):
    help = ("Läser in ekonomisk redovisning från en CSV- eller Excelfil med kolumnerna "
            "year,municipality,allocated,surplus,consumed. Allt eller inget.")

    def run_import(self, content, filename):
        return import_economy(content, filename)
