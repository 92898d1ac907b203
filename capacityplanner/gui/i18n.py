"""Interface language: Dutch (nl-BE) by default, English on request.

Source strings in the code are English; ``resources/translations/
capacityplanner_nl.qm`` translates them to Dutch. Installing or removing a
translator makes Qt send a ``LanguageChange`` event to every widget, which
retranslates itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from capacityplanner.gui.dict_translator import ensure_translator
from capacityplanner.paths import RESOURCES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "TRANSLATIONS", "LanguageManager"]

#: Language codes and their names in their own language.
LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
TRANSLATIONS = RESOURCES / "translations"
_LOCALES = {
    "nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class LanguageManager:
    """Installs the translators of one language on the application.

    Parameters
    ----------
    app : QCoreApplication
        The running application.
    """

    _instances: dict[int, LanguageManager] = {}

    @classmethod
    def instance(cls, app: QCoreApplication) -> LanguageManager:
        """The one manager of ``app`` (translators of two managers would pile up)."""
        key = id(app)
        if key not in cls._instances or cls._instances[key]._app is not app:
            cls._instances[key] = cls(app)
        return cls._instances[key]

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def set_language(self, lang: str | None) -> str:
        """Switch to ``lang`` (``"nl"`` or ``"en"``; None means Dutch); return the language set."""
        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        for tr in self._translators:
            self._app.removeTranslator(tr)
        self._translators = []
        if lang != "en":
            own = QTranslator(self._app)
            if own.load(str(TRANSLATIONS / f"capacityplanner_{lang}.qm")):
                self._translators.append(own)
            qt = QTranslator(self._app)
            if qt.load(
                f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._translators.append(qt)
            for tr in self._translators:
                self._app.installTranslator(tr)
        QLocale.setDefault(_LOCALES[lang])
        # Texts kept as plain dicts (planning tools, layer descriptions) answer through
        # one more translator; it follows the locale, so it is installed once.
        ensure_translator()
        self.language = lang
        return lang
