"""The layers stay layers: scorers/ (pure logic) imports nothing of ours outside scorers/;
pipeline/ (adapters) never imports flows/ or the CLI; flows/ never imports the CLI. Inside
pipeline/ each sub-package (one concern) imports only the concerns below it, so the tree
reads bottom-up: inputs and store, then speech, then one call, then judging, views and publishing,
then review."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("scorers", "pipeline", "flows", "hotline_qa", "lexicons", "benchmarks")
ALLOWED = {
    "scorers": {"scorers"},
    "pipeline": {"pipeline", "scorers", "lexicons"},
    "flows": {"flows", "pipeline", "scorers", "lexicons"},
}
# pipeline sub-package -> the sub-packages it may import (besides itself)
PIPELINE = {
    "inputs": set(),
    "store": {"inputs"},
    "speech": {"inputs"},
    "calls": {"inputs", "store", "speech"},
    "views": {"inputs", "store", "speech"},
    "judge": {"inputs", "calls"},
    "publish": {"inputs", "store", "calls", "views", "judge"},
    "review": {"inputs", "store", "publish", "judge"},
}


def imported(path: Path, depth: int = 1) -> set[str]:
    """Modules of ours that a module imports, anywhere in it (lazy imports too), cut to
    `depth` dotted parts (1: top-level packages, 2: pipeline's sub-packages)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "pipeline":  # from pipeline import speech
                names = [f"pipeline.{a.name}" for a in node.names]
        else:
            continue
        out |= {".".join(n.split(".")[:depth]) for n in names if n.split(".")[0] in OURS}
    return out


def test_no_layer_imports_one_above_it():
    bad = []
    for layer, allowed in ALLOWED.items():
        for py in sorted((ROOT / layer).rglob("*.py")):
            extra = imported(py) - allowed
            if extra:
                bad.append(f"{py.relative_to(ROOT)} imports {sorted(extra)}")
    assert bad == []


def test_pipeline_is_split_by_concern_and_each_concern_imports_only_those_below():
    loose = sorted(p.name for p in (ROOT / "pipeline").glob("*.py") if p.name != "__init__.py")
    assert loose == [], f"modules outside a concern's sub-package: {loose}"
    found = {p.parent.name for p in (ROOT / "pipeline").glob("*/__init__.py")}
    assert found == set(PIPELINE), f"sub-packages without a layer: {found ^ set(PIPELINE)}"
    bad = []
    for pkg, allowed in PIPELINE.items():
        for py in sorted((ROOT / "pipeline" / pkg).rglob("*.py")):
            subs = {m.split(".")[1] for m in imported(py, 2) if m.startswith("pipeline.")}
            extra = subs - allowed - {pkg}
            if extra:
                bad.append(f"{py.relative_to(ROOT)} imports pipeline.{sorted(extra)}")
    assert bad == []


def test_no_console_function_is_longer_than_80_lines():
    """The console reads as routes, dependencies and one query module per page, not as one
    closure holding every route."""
    long = []
    for py in sorted((ROOT / "hotline_qa" / "console").rglob("*.py")):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1
                if n > 80:
                    long.append(f"{py.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []
