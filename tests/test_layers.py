"""The layers stay layers: scorers/ (pure logic) imports nothing of ours outside scorers/;
pipeline/ (adapters) never imports flows/ or the CLI; flows/ never imports the CLI."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("scorers", "pipeline", "flows", "hotline_qa", "lexicons", "benchmarks")
ALLOWED = {
    "scorers": {"scorers"},
    "pipeline": {"pipeline", "scorers", "lexicons"},
    "flows": {"flows", "pipeline", "scorers", "lexicons"},
}


def imported(path: Path) -> set[str]:
    """Top-level packages of ours that a module imports, anywhere in it (lazy imports too)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        out |= {n.split(".")[0] for n in names if n.split(".")[0] in OURS}
    return out


def test_no_layer_imports_one_above_it():
    bad = []
    for layer, allowed in ALLOWED.items():
        for py in sorted((ROOT / layer).glob("*.py")):
            extra = imported(py) - allowed
            if extra:
                bad.append(f"{py.relative_to(ROOT)} imports {sorted(extra)}")
    assert bad == []
