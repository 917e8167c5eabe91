from reporting.management.commands._file_import import FileImportCommand
from reporting.municipal.survey_import import CSV_COLUMNS, import_survey


class Command(FileImportCommand):
    help = ("Läser in tidigare års kommunenkät från portalens egen Excelexport eller från en CSV-fil med "
            f"kolumnerna {','.join(CSV_COLUMNS)}. Allt eller inget.")
    file_help = ".xlsx (portalens export) eller CSV (UTF-8, ; eller ,)"

    def run_import(self, content, filename):
        return import_survey(content, filename)
