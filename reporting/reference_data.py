"""The reporting app's reference data for gnv_portal.hooks (load_reference_data): the
kommunenkät template and the invitation and reminder e-mails live in the municipal package."""

from reporting.municipal.reference_data import load

__all__ = ["load"]
