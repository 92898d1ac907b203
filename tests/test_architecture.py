"""The package keeps its layering: Qt only where it belongs, imports pointing down the pipeline.

Every module under capacityplanner/ is parsed (not imported) and its import
statements checked, including imports inside functions.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "capacityplanner"
QT_WIDGET_MODULES = ("PySide6.QtWidgets", "matplotlib.backends.backend_qt*")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module an import statement of ``path`` names (``from a import b`` gives a and a.b)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.append((node.lineno, base))
            names += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))
IMPORTS = {path: imported_names(path) for path in MODULES}


def area(path: Path) -> str:
    """The subpackage a module belongs to (``gui``, ``render``, ...) or the module's own name."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def starts(name: str, prefix: str) -> bool:
    """``name`` is ``prefix`` or inside it; ``prefix*`` matches any name starting so."""
    if prefix.endswith("*"):
        return name.startswith(prefix[:-1])
    return name == prefix or name.startswith(prefix + ".")


def qt_backend_calls(path: Path) -> list[str]:
    """``matplotlib.use("QtAgg")``-style calls that switch matplotlib to a Qt backend."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "use"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("matplotlib", "mpl")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and "qt" in str(node.args[0].value).lower()
        ):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def violations(paths, forbidden) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in paths
        for line, name in IMPORTS[path]
        if any(starts(name, f) for f in forbidden)
    ]


def test_the_scan_sees_the_package_and_its_qt_imports():
    # the checks below would pass vacuously if the parser missed imports
    assert len(MODULES) > 50
    gui = [n for p in MODULES if area(p) == "gui" for _l, n in IMPORTS[p]]
    assert any(starts(n, "PySide6.QtWidgets") for n in gui)
    assert any(starts(n, "matplotlib.backends.backend_qt*") for n in gui)
    render = [n for p in MODULES if area(p) == "render" for _l, n in IMPORTS[p]]
    assert any(starts(n, "PySide6.QtGui") for n in render)


def test_only_gui_imports_widgets():
    outside = [p for p in MODULES if area(p) != "gui"]
    assert violations(outside, QT_WIDGET_MODULES) == []
    assert [c for p in outside for c in qt_backend_calls(p)] == []


def test_only_render_and_gui_import_qt():
    outside = [p for p in MODULES if area(p) not in ("gui", "render")]
    assert violations(outside, ("PySide6", "shiboken6")) == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        (
            "models",
            ("scenarios", "gui", "export", "commands", "cli", "render"),
        ),
        ("geodata", ("scenarios", "gui", "export", "commands", "cli", "render")),
        ("scenarios", ("gui", "export", "commands", "cli")),
        ("render", ("gui", "export", "commands", "cli", "scenarios")),
        ("export", ("gui", "commands", "cli")),
    ],
)
def test_imports_point_down_the_pipeline(package, forbidden):
    paths = [p for p in MODULES if area(p) == package]
    assert paths
    assert violations(paths, [f"capacityplanner.{f}" for f in forbidden]) == []


# geodata reads parameters and level definitions for the models: only these model modules
GEODATA_MAY_IMPORT_FROM_MODELS = ("capacityplanner.models.params", "capacityplanner.models.levels")


def test_geodata_uses_only_the_models_data_definitions():
    paths = [p for p in MODULES if area(p) == "geodata"]
    found = [
        (path, line, name)
        for path in paths
        for line, name in IMPORTS[path]
        if starts(name, "capacityplanner.models")
        and name != "capacityplanner.models"
        and not any(starts(name, allowed) for allowed in GEODATA_MAY_IMPORT_FROM_MODELS)
        # ``from capacityplanner.models import params`` names the allowed module itself
    ]
    assert found == []
