"""`blueprint export` run as a user runs it: a subprocess, real files, exit codes."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import DATA

ROOT = Path(__file__).parent.parent


def blueprint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("name", "probe"),
    [
        ("spec.md", "# Coffee to go — Process specification"),
        ("spec.MARKDOWN", "## Hand-offs"),
        ("spec.html", "<!DOCTYPE html>"),
        ("steps.csv", "\ufeffOrder,Phase,Lane"),
        ("process.bpmn", "<bpmn:definitions"),
        ("flow.mmd", "flowchart LR"),
    ],
)
def test_format_from_the_extension(
    coffee_path: Path, tmp_path: Path, name: str, probe: str
) -> None:
    target = tmp_path / name
    result = blueprint("export", coffee_path, "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {target}"
    assert probe in target.read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_format_option_wins_over_the_extension(coffee_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "process.xml"
    result = blueprint("export", coffee_path, "-o", target, "--format", "bpmn")
    assert result.returncode == 0, result.stderr
    assert ET.parse(target).getroot().tag.endswith("definitions")


def test_lang_overrides_the_file(coffee_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "spec.csv"
    assert blueprint("export", coffee_path, "-o", target, "--lang", "zh-CN").returncode == 0
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[0][:3] == ["顺序", "阶段", "泳道"]
    assert len(rows) == 12
    unknown = blueprint("export", coffee_path, "-o", tmp_path / "x.md", "--lang", "fr")
    assert unknown.returncode == 0 and "using English" in unknown.stderr


def test_many_files_into_a_folder(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    shutil.copy(DATA / "coffee.blueprint.json", sources / "coffee.blueprint.json")
    shutil.copy(DATA / "coffee.blueprint.json", sources / "茶.blueprint.json")
    out = tmp_path / "out"
    result = blueprint(
        "export",
        sources / "coffee.blueprint.json",
        sources / "茶.blueprint.json",
        "-o",
        out,
        "--format",
        "html",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["coffee.html", "茶.html"]
    one = blueprint("export", sources / "coffee.blueprint.json", "-o", out, "--format", "mmd")
    assert one.returncode == 0 and (out / "coffee.mmd").exists()  # an existing folder


def test_folder_needs_a_format(coffee_path: Path, tmp_path: Path) -> None:
    result = blueprint("export", coffee_path, coffee_path, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert "--format" in result.stderr and "Traceback" not in result.stderr


def test_same_name_twice_is_refused_before_writing(coffee_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "b"
    other.mkdir()
    shutil.copy(coffee_path, other / coffee_path.name)
    result = blueprint(
        "export", coffee_path, other / coffee_path.name, "-o", tmp_path / "out", "--format", "md"
    )
    assert result.returncode == 2 and "would both be written" in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_a_clear_error(coffee_path: Path, tmp_path: Path) -> None:
    result = blueprint("export", coffee_path, "-o", tmp_path / "x.md", "--format", "docx")
    assert result.returncode == 2
    assert "unknown format 'docx'" in result.stderr and "md, html, csv, bpmn, mmd" in result.stderr
    guess = blueprint("export", coffee_path, "-o", tmp_path / "x.docx")
    assert guess.returncode == 2 and "cannot tell the format" in guess.stderr
    assert not list(tmp_path.glob("x.*"))


def test_unreadable_input_does_not_stop_the_others(coffee_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.blueprint.json"
    broken.write_text("{not json", "utf-8")
    out = tmp_path / "out"
    result = blueprint(
        "export",
        broken,
        coffee_path,
        tmp_path / "missing.blueprint.json",
        "-o",
        out,
        "--format",
        "csv",
    )
    assert result.returncode == 2
    assert (out / "coffee.csv").exists() and not (out / "broken.csv").exists()
    assert "broken.blueprint.json" in result.stderr and "missing.blueprint.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_target_is_a_clear_error(coffee_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "spec.md"
    result = blueprint("export", coffee_path, "-o", target)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert not target.parent.exists()


def test_help_lists_the_formats() -> None:
    result = blueprint("export", "--help")
    assert result.returncode == 0 and "md, html, csv, bpmn, mmd" in result.stdout


def test_format_lookup_and_output_names() -> None:
    from blueprint_app.export.command import output_name
    from blueprint_app.export.formats import FORMATS, format_for_path

    assert format_for_path("a/b/process.BPMN20.XML") is FORMATS["bpmn"]
    assert format_for_path("spec.HTM") is FORMATS["html"]
    assert format_for_path(".md") is None and format_for_path("spec.gif") is None
    assert output_name("shop/coffee.blueprint.json", FORMATS["md"]) == "coffee.md"
    assert output_name("plain.json", FORMATS["bpmn"]) == "plain.bpmn"
    assert output_name("开户.blueprint.json", FORMATS["csv"]) == "开户.csv"
