"""Extension points the feature apps fill in, so the kernel never imports them.

An installed app may have these modules; the kernel calls what it finds:
- `<app>/reference_data.py` with `load()`: its reference data (load_reference_data);
- `<app>/demo.py` with `load_demo()`: its demo answers (load_demo_data), in app order;
- `<app>/home.py` with `tasks_for(user)` → [{"title", "url", "status"}] for the start page,
  and `nav_links(user)` → [(label, url)] for the main menu;
- `<app>/notices.py` with `describe(response)` → gnv_portal.notices.About for its own answers
  (None for others): the receipt and reopen e-mails;
- `<app>/outreach.py` with `parts()` → [gnv_portal.outreach.Part]: whom invitations and
  reminders go to, per part of the year (bulk sends with preview, scheduled reminders).
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_functions(module_name, function_name):
    found = []
    for config in apps.get_app_configs():
        if config.name == "gnv_portal" or not module_has_submodule(config.module, module_name):
            continue
        module = import_module(f"{config.name}.{module_name}")
        function = getattr(module, function_name, None)
        if function is not None:
            found.append(function)
    return found


def collect(module_name, function_name, *args):
    """Call every app's function and join the lists they return."""
    items = []
    for function in app_functions(module_name, function_name):
        items.extend(function(*args) or [])
    return items
