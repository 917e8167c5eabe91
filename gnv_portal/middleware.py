from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from gnv_portal.security import csp_header


class LanguageMiddleware:
    """Swedish for everyone unless the user picked another language in the menu.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show
    English to a Swedish civil servant with an English browser; we honour only the
    explicit choice, kept in the language cookie by the set_language view.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class SecurityHeadersMiddleware:
    """The Content-Security-Policy on every page, and no caching of what a logged-in user sees.

    The policy is settings.CONTENT_SECURITY_POLICY; a view may set its own (gnv_portal.security).
    A logged-in page may hold a municipality's answers: no browser or proxy keeps a copy
    (the back button after logging out shows nothing).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = csp_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
