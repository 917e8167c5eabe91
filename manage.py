#!/usr/bin/env python
import os
import sys

from gnv_portal import devenv

if __name__ == "__main__":
    try:
        devenv.apply()
    except devenv.DevEnvError as error:
        sys.exit(f"GNV-portalen: {error}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gnv_portal.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # A missing or wrong setting is one line saying what to set, not a traceback.
    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading it loads the settings
    except ImproperlyConfigured as error:
        sys.exit(f"GNV-portalen: {error}")
    execute_from_command_line(sys.argv)
