"""Dutch texts of the planning tools (optimiser, editing, scenarios, export) from plain dicts.

The English source strings of these widgets and their Dutch texts live in
``resources/translations/nl_*.py``, each as ``NL = {english: dutch}`` (the same
files ``update_nl.py`` merges into the compiled ``.qm``). A
:class:`DictTranslator` installed once on the application answers for the
contexts listed in :data:`CONTEXTS` whenever the interface language is
Dutch (the default locale the language manager sets), also where a ``.qm``
was compiled without the newest texts. Switching the language needs no
reinstall: the manager's own translator swap sends the ``LanguageChange``
event every widget retranslates on.
"""

from __future__ import annotations

import runpy
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from capacityplanner.paths import RESOURCES

__all__ = [
    "CONTEXTS",
    "DictTranslator",
    "dutch_texts",
    "ensure_translator",
    "is_dutch",
    "layer_description",
]

#: Translation contexts (class names and module contexts) the dict covers.
CONTEXTS = frozenset(
    {
        "OptimiserDialog",
        "PlanResultsPanel",
        "PlanLayers",
        "PlanProgress",
        "EditController",
        "EditForms",
        "HousingProjectForm",
        "CandidateSiteForm",
        "CapacityChangeForm",
        "ParametersDialog",
        "ScenarioManager",
        "_Form",
        "ScenarioDialog",
        "CompareDialog",
        "DifferenceMap",
        "ExportDialog",
        "LayerDescription",
    }
)
_DIR = RESOURCES / "translations"
_OBJECT_NAME = "planning_tools_nl_translator"


@cache
def dutch_texts() -> dict[str, str]:
    """The ``NL`` dicts of every ``resources/translations/nl_*.py``, merged (empty if none)."""
    merged: dict[str, str] = {}
    for path in sorted(_DIR.glob("nl_*.py")):
        merged.update(runpy.run_path(str(path)).get("NL", {}))
    return merged


def is_dutch() -> bool:
    """True when the interface speaks Dutch (the default locale is Dutch)."""
    return QLocale().language() == QLocale.Language.Dutch


class DictTranslator(QTranslator):
    """Translate the planning tools' strings to Dutch while the interface is Dutch."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        # None (a null string) lets Qt ask the next translator; "" would end the search
        if context not in CONTEXTS or not is_dutch():
            return None
        return dutch_texts().get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802, D102
        return False


def ensure_translator() -> DictTranslator | None:
    """Install the one :class:`DictTranslator` of the running application (idempotent)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(DictTranslator, _OBJECT_NAME)
    if existing is not None:
        return existing
    translator = DictTranslator(app)
    translator.setObjectName(_OBJECT_NAME)
    app.installTranslator(translator)
    return translator


def tr(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for module-level strings of the planning tools."""
    return QCoreApplication.translate(context, text)


def layer_description(text: str) -> str:
    """A layer's description (data, written in English) in the interface language.

    The shipped layers' descriptions have Dutch texts in
    ``resources/translations/nl_layers.py`` (context ``LayerDescription``); any
    other text, e.g. that of an imported layer, is shown as it is.
    """
    return QCoreApplication.translate("LayerDescription", text) if text else ""
