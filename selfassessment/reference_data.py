"""The self-assessment's e-mail templates: their keys. The texts are in
fixtures/epostmallar.yaml (loaded by the kernel; RSS may edit them, never overwritten)."""

INVITATION = "selfassessment-invitation"
REMINDER = "selfassessment-reminder"
MAPPING_REMINDER = "mapping-reminder"
