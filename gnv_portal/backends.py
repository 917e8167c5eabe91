from gnv_portal.access import is_rss


class RSSPermissionBackend:
    """Grants every model permission to RSS staff; authenticates nobody."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user_obj, perm, obj=None):
        return is_rss(user_obj)

    def has_module_perms(self, user_obj, app_label):
        return is_rss(user_obj)

    def get_user(self, user_id):
        return None
