"""Load a checked import into the workspace and the map, or say why not.

:func:`apply_import` replaces a layer everywhere at once: the workspace
(every view recomputes through its ``changed`` callbacks) and the map
model (the new layer takes the old one's place and is not illustrative).
Capacity changes that belonged to sites of the replaced layer no longer
apply and are dropped first, so the balance never refers to a site that is
gone. :func:`import_files` is the whole flow without a dialog: read, check,
and either load or show the problems, leaving everything loaded intact.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from capacityplanner.geodata.context import ImportContext
from capacityplanner.geodata.importer import read_layer
from capacityplanner.geodata.join import TABLE_SUFFIX
from capacityplanner.geodata.problems import ImportResult, problem
from capacityplanner.geodata.reader import read_source, read_table
from capacityplanner.geodata.roles import ROLES
from capacityplanner.render.defaults import default_layer, layer_title
from capacityplanner.scenarios.workspace import SITE_LAYERS, Workspace

__all__ = [
    "MAX_PROBLEMS_SHOWN",
    "LAYER_ROLES",
    "apply_import",
    "file_columns",
    "import_context",
    "import_files",
    "show_problems",
]

#: Roles a layer can be imported for here (the spatial ones).
LAYER_ROLES = tuple(name for name, spec in ROLES.items() if spec.geometry is not None)
#: Problems listed in the message box (the dialog lists them all).
MAX_PROBLEMS_SHOWN = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def import_context(workspace: Workspace) -> ImportContext:
    """Boundary, wijken and sectors of the workspace, to check an import against."""
    return ImportContext.from_dataset(SimpleNamespace(layers=workspace.layers))


def file_columns(
    path: str | Path,
    layer: str | None = None,
    role: str | None = None,
    join: str | Path | None = None,
    key: str | None = None,
) -> list[str]:
    """Columns a mapping can name: the file's, then the joined table's (as the join names them)."""
    src = read_source(path, layer, prefer=(role,) if role else ())
    if not src.ok or src.frame is None:
        return []
    geo = getattr(src.frame, "geometry", None)
    geo_name = geo.name if geo is not None and hasattr(geo, "name") else "geometry"
    cols = [str(c) for c in src.frame.columns if c != geo_name]
    if join:
        table = read_table(join)
        if table.ok and table.frame is not None:
            spec_key = ROLES[role].key if role in ROLES else None
            table_key = (key or spec_key or "").partition("=")[2] or (key or spec_key or "")
            for c in map(str, table.frame.columns):
                if c != table_key:
                    cols.append(f"{c}{TABLE_SUFFIX}" if c in cols else c)
    return cols


def _kept_changes(workspace: Workspace, role: str, layer) -> tuple[pd.DataFrame, int]:
    """Capacity changes that still belong to a site once ``role`` is replaced by ``layer``."""
    changes = workspace.capacity_changes
    if role not in SITE_LAYERS or changes is None or len(changes) == 0:
        return changes, 0
    layers = dict(workspace.layers)
    layers[role] = layer
    known = set()
    for name in SITE_LAYERS:
        if name in layers and "site_id" in layers[name].columns:
            known |= set(layers[name]["site_id"].astype(str))
    keep = changes["site_id"].astype(str).isin(known)
    if "wijknr" in changes.columns:
        keep |= changes["wijknr"].notna()
    return changes[keep].reset_index(drop=True), int((~keep).sum())


def apply_import(window, workspace: Workspace, result: ImportResult) -> str:
    """Replace layer ``result.role`` by the imported one in the workspace and on the map.

    Parameters
    ----------
    window : MainWindow
        Its ``map_model`` gets the new layer (same name, not illustrative).
    workspace : Workspace
        Gets the layer (and loses the capacity changes of the replaced sites).
    result : ImportResult
        A loadable result of :func:`~capacityplanner.geodata.importer.read_layer`.

    Returns
    -------
    str
        One sentence saying what was loaded.
    """
    if not result.loadable or result.role not in LAYER_ROLES:
        raise ValueError("only a loadable layer import can be applied")
    role, layer = result.role, result.layer
    changes, dropped = _kept_changes(workspace, role, layer)
    if dropped:
        workspace.set_capacity_changes(changes)
    workspace.set_layer(role, layer)
    model = window.map_model
    old = model.layer(role) if role in model else None
    new = default_layer(
        role,
        layer,
        illustrative=False,
        source=_tr("Imported from %1").replace("%1", result.path.name),
        description=_tr("%1, imported from %2 (%3 features).")
        .replace("%1", layer_title(role))
        .replace("%2", result.path.name)
        .replace("%3", str(len(layer))),
    )
    if old is not None:
        new.visible = old.visible
        new.group = old.group
    model.clear_selection(role)
    model.add_layer(new)
    text = (
        _tr("%1: %2 features loaded as %3; they replace the illustrative layer.")
        .replace("%1", result.path.name)
        .replace("%2", str(len(layer)))
        .replace("%3", layer_title(role))
    )
    if dropped:
        text += " " + _tr(
            "%1 capacity changes of the replaced sites no longer apply and were removed."
        ).replace("%1", str(dropped))
    status = getattr(window, "statusBar", None)
    if status is not None:
        status().showMessage(text, 10000)
    return text


def show_problems(parent: QWidget | None, result: ImportResult) -> None:
    """A message box with the problems, one sentence each; nothing is loaded."""
    lines = [p.message for p in result.problems[:MAX_PROBLEMS_SHOWN]]
    more = len(result.problems) - len(lines)
    if more > 0:
        lines.append(_tr("… and %1 more problems.").replace("%1", str(more)))
    if not lines:
        lines = [_tr("%1: nothing could be read.").replace("%1", result.path.name)]
    QMessageBox.warning(
        parent,
        _tr("Import of %1 refused").replace("%1", result.path.name),
        _tr("%1 cannot be loaded; nothing was changed.").replace("%1", result.path.name)
        + "\n\n"
        + "\n".join(f"• {line}" for line in lines),
    )


def import_files(
    window,
    workspace: Workspace,
    path: str | Path,
    role: str | None = None,
    *,
    layer: str | None = None,
    join: str | Path | None = None,
    key: str | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportResult:
    """Read and check ``path`` (with an optional joined table); load it, or show its problems.

    Returns
    -------
    ImportResult
        ``loadable`` tells whether the layer was loaded.
    """
    result = read_layer(
        path,
        layer,
        role,
        mapping,
        join=join,
        key=key or None,
        context=import_context(workspace),
    )
    if result.loadable and result.role not in LAYER_ROLES:
        result.problems.append(
            problem(
                result.path.name,
                f"holds a {result.role} table, not a map layer; import it from the command line",
            )
        )
    if result.loadable:
        apply_import(window, workspace, result)
    else:
        show_problems(window, result)
    return result
