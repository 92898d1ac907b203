"""Dutch texts of File > Export... from a plain dict.

The dialog's English source strings and their Dutch texts live in
``resources/translations/nl_export.py`` as ``NL = {english: dutch}`` (merged
into the compiled translation with the other ``nl_*.py`` files). Until then,
and for a ``.qm`` compiled without them, :class:`ExportTranslator` answers
for the dialog's context whenever the interface speaks Dutch.
"""

from __future__ import annotations

import runpy
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from capacityplanner.paths import RESOURCES

__all__ = ["CONTEXT", "ExportTranslator", "dutch_texts", "ensure_translator"]

CONTEXT = "ExportDialog"
_FILE = RESOURCES / "translations" / "nl_export.py"
_OBJECT_NAME = "export_nl_translator"


@cache
def dutch_texts() -> dict[str, str]:
    """The ``NL`` dict of ``resources/translations/nl_export.py`` (empty if missing)."""
    return dict(runpy.run_path(str(_FILE)).get("NL", {})) if _FILE.exists() else {}


class ExportTranslator(QTranslator):
    """Translate the export dialog's strings to Dutch while the interface is Dutch."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        # None (a null string) lets Qt ask the next translator
        if context != CONTEXT or QLocale().language() != QLocale.Language.Dutch:
            return None
        return dutch_texts().get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802, D102
        return False


def ensure_translator() -> ExportTranslator | None:
    """Install the one :class:`ExportTranslator` of the running application (idempotent)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(ExportTranslator, _OBJECT_NAME)
    if existing is not None:
        return existing
    translator = ExportTranslator(app)
    translator.setObjectName(_OBJECT_NAME)
    app.installTranslator(translator)
    return translator
