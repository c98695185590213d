from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Show the portal in Dutch unless the visitor chose another language.

    Django's LocaleMiddleware also follows the browser's Accept-Language; a Dutch municipal site
    stays Dutch until someone picks English with the language switch (stored in a cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
