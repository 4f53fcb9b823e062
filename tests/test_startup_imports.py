"""Start-up: a command imports what it needs and no more (issue 18.3); checked in a fresh
interpreter, by what lands in ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COFFEE = Path(__file__).parent / "data" / "coffee.blueprint.json"
HEAVY = ("PySide6", "networkx", "pydantic")


def _run(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh Python; it leaves its answer in ``result``."""
    script = (
        "import io, json, sys, contextlib\n"
        "result = {}\n"
        f"{code}\n"
        "result['loaded'] = sorted({m.split('.')[0] for m in sys.modules})\n"
        "print(json.dumps(result))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def _main(argv: list[str]) -> str:
    """Code that runs ``blueprint ARGV`` in-process, keeping its output and exit code."""
    return (
        "from blueprint_app.cli import main\n"
        "buffer = io.StringIO()\n"
        "with contextlib.redirect_stdout(buffer):\n"
        "    try:\n"
        f"        result['code'] = main({argv!r})\n"
        "    except SystemExit as stop:\n"
        "        result['code'] = stop.code\n"
        "result['out'] = buffer.getvalue()\n"
    )


def test_version_imports_neither_qt_nor_networkx_nor_pydantic() -> None:
    answer = _run(_main(["--version"]))
    assert answer["code"] == 0 and "blueprint" in str(answer["out"])
    loaded = answer["loaded"]
    assert isinstance(loaded, list)
    assert [name for name in HEAVY if name in loaded] == []


def test_a_command_that_needs_no_graph_imports_no_networkx_and_no_qt() -> None:
    answer = _run(_main(["info", str(COFFEE)]))
    assert answer["code"] == 0 and "steps:" in str(answer["out"])
    loaded = answer["loaded"]
    assert isinstance(loaded, list)
    assert "networkx" not in loaded and "PySide6" not in loaded
    assert "pydantic" in loaded  # reading a file does need the models


def test_help_still_lists_every_command() -> None:
    answer = _run(_main(["--help"]))
    assert answer["code"] == 0
    for command in ("info", "format", "schema", "new", "validate", "export", "templates"):
        assert command in str(answer["out"])
    for command in ("import", "diff", "merge", "git-setup", "git-diff", "git-textconv"):
        assert command in str(answer["out"])


def test_each_feature_command_is_listed_under_the_module_that_registers_it() -> None:
    """A command missing from ``FEATURE_COMMANDS`` still parses, but only because an unknown
    word makes every feature module load: start-up would pay for all of them."""
    import argparse
    import importlib

    from blueprint_app.cli import FEATURE_COMMANDS, OWN_COMMANDS

    for module in set(FEATURE_COMMANDS.values()):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module).register(sub)
        listed = {name for name, owner in FEATURE_COMMANDS.items() if owner == module}
        assert set(sub.choices) == listed, module
    assert not set(OWN_COMMANDS) & set(FEATURE_COMMANDS)


def test_a_versions_command_loads_its_own_module_and_no_other_feature() -> None:
    others = ("validation.cli", "export.command", "importing.command", "templates")
    check = "".join(
        f"result[{name!r}] = 'blueprint_app.{name}' in sys.modules\n" for name in others
    )
    answer = _run(_main(["git-textconv", "--help"]) + check)
    assert answer["code"] == 0 and "usage: blueprint git-textconv" in str(answer["out"])
    assert [name for name in others if answer[name]] == []


def test_a_feature_command_still_parses_its_own_options() -> None:
    answer = _run(_main(["validate", "--help"]))
    assert answer["code"] == 0 and "usage: blueprint validate" in str(answer["out"])


def test_geometry_routing_and_layout_import_no_networkx() -> None:
    code = (
        "import blueprint_app.analysis.geometry, blueprint_app.analysis.routing\n"
        "import blueprint_app.analysis.layout\n"
    )
    assert "networkx" not in list(_run(code)["loaded"])  # type: ignore[call-overload]
    lazy = "from blueprint_app.analysis import to_graph\nresult['ok'] = callable(to_graph)\n"
    answer = _run(lazy)
    assert answer["ok"] is True and "networkx" in list(answer["loaded"])  # type: ignore[call-overload]
