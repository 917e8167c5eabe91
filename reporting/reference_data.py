"""The app's reference data for `manage.py load_reference_data` (the kernel looks for
`<app>/reference_data.py`): the reference kommunenkät lives with the municipal reporting."""

from reporting.municipal.reference_data import load

__all__ = ["load"]
