"""Bad input: one error type, the file's name, every problem with its JSON path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from blueprint_app.storage import BlueprintFileError, load, loads
from tests.conftest import DATA


def _write(tmp_path: Path, content: str | bytes, name: str = "bad.blueprint.json") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _coffee() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    return data


def _message(path: Path) -> str:
    with pytest.raises(BlueprintFileError) as caught:
        load(path)
    return str(caught.value)


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, '{\n  "format": "service-blueprint",\n  "title": oops\n}')
    assert _message(path) == (
        "Cannot read 'bad.blueprint.json': not valid JSON: Expecting value at line 3 column 12"
    )


def test_truncated_file(tmp_path: Path) -> None:
    text = (DATA / "coffee.blueprint.json").read_text(encoding="utf-8")
    path = _write(tmp_path, text[: len(text) // 2])
    message = _message(path)
    assert message.startswith("Cannot read 'bad.blueprint.json': not valid JSON:")
    assert " at line " in message and " column " in message


def test_empty_file(tmp_path: Path) -> None:
    assert _message(_write(tmp_path, "  \n")) == (
        "Cannot read 'bad.blueprint.json': the file is empty, not a blueprint file"
    )


def test_a_file_that_is_no_json_at_all_is_said_to_be_no_blueprint(tmp_path: Path) -> None:
    """A picture or a note opened by mistake: plain words, no "Expecting value at line 1"."""
    for text in ("Meeting notes", "\u2028PNG", "id,title\n1,Order"):
        message = _message(_write(tmp_path, text))
        assert "not a blueprint file" in message and "Expecting" not in message


def test_not_a_blueprint(tmp_path: Path) -> None:
    assert _message(_write(tmp_path, "[1, 2]")) == (
        "Cannot read 'bad.blueprint.json': not a blueprint: the file holds an array, not an object"
    )
    assert _message(_write(tmp_path, '{"name": "package.json"}')) == (
        "Cannot read 'bad.blueprint.json': not a service blueprint: the file has no 'format' "
        "field, expected 'service-blueprint'"
    )


def test_newer_format_version_names_both_versions(tmp_path: Path) -> None:
    data = _coffee()
    data["format_version"] = 7
    assert _message(_write(tmp_path, json.dumps(data))) == (
        "Cannot read 'bad.blueprint.json': the file has format_version 7, newer than this app "
        "supports (format_version 2); update Blueprint Studio to open it"
    )


def test_every_problem_is_reported_with_its_path(tmp_path: Path) -> None:
    data = _coffee()
    data["steps"][3]["lane"] = "frontstge"
    data["steps"][4]["phase"] = "nowhere"
    data["steps"][5]["id"] = "make"
    data["steps"][6]["emotion"] = 5
    data["flows"][0]["target"] = "ghost"
    del data["steps"][2]["lane"]
    data["title"] = ""
    assert _message(_write(tmp_path, json.dumps(data))) == "\n".join(
        [
            "Cannot read 'bad.blueprint.json': 9 problems",
            "  title: String should have at least 1 character",
            "  steps[2].lane: missing required field",
            "  steps[3].lane: no lane with id 'frontstge'",
            "  steps[4].phase: no phase with id 'nowhere'",
            "  steps[5].id: id 'make' is already used by steps[4]",
            "  steps[6].emotion: Input should be less than or equal to 2",
            "  flows[0].target: no step with id 'ghost'",
            "  flows[6].target: no step with id 'remake'",
            "  flows[7].source: no step with id 'remake'",
        ]
    )


def test_lane_rules(tmp_path: Path) -> None:
    data = _coffee()
    data["lanes"][2], data["lanes"][3] = data["lanes"][3], data["lanes"][2]
    data["lanes"].append({"id": "extra", "kind": "customer", "title": "Second customer lane"})
    data["lanes"] = [lane for lane in data["lanes"] if lane["kind"] != "support"]
    for step in data["steps"]:
        if step["lane"] == "support":
            step["lane"] = "backstage"
    assert _message(_write(tmp_path, json.dumps(data))) == "\n".join(
        [
            "Cannot read 'bad.blueprint.json': 3 problems",
            "  lanes: the standard lane of kind 'support' is missing",
            "  lanes: the standard lanes are out of order: expected physical_evidence > customer > "
            "frontstage > backstage, found physical_evidence > customer > backstage > frontstage",
            "  lanes[4].kind: a second lane of kind 'customer'; each standard lane kind appears once",
        ]
    )


def test_bad_ids_wrong_types_and_references_together(tmp_path: Path) -> None:
    data = _coffee()
    data["steps"][0]["id"] = "has space"
    data["steps"][1]["duration_minutes"] = -3
    data["notes"][0]["attached_to"] = "nobody"
    data["flows"][1]["kind"] = "teleport"
    message = _message(_write(tmp_path, json.dumps(data)))
    assert (
        "steps[0].id: 'has space' is not a valid id (letters, digits, _ . - ; 1 to 64)" in message
    )
    assert "steps[1].duration_minutes: Input should be greater than or equal to 0" in message
    assert "notes[0].attached_to: no step with id 'nobody'" in message
    assert "flows[1].kind: Input should be 'flow', 'recovery' or 'evidence'" in message
    # the step renamed away leaves its evidence flow dangling: reported too
    assert "flows[10].source: no step with id 'menu'" in message


def test_size_limit_is_checked_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import blueprint_app.storage.reader as loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024)
    path = _write(tmp_path, " " * 4096)
    assert _message(path) == (
        "Cannot read 'bad.blueprint.json': the file is 4 KiB; blueprint files are limited to 1 KiB"
    )


def test_encoding_problems(tmp_path: Path) -> None:
    text = (DATA / "coffee.blueprint.json").read_text(encoding="utf-8")
    assert _message(_write(tmp_path, text.encode("utf-16"))) == (
        "Cannot read 'bad.blueprint.json': the file is UTF-16 text; blueprint files are UTF-8"
    )
    assert _message(_write(tmp_path, b'{"title": "\xff"}')) == (
        "Cannot read 'bad.blueprint.json': not UTF-8 text: invalid byte at offset 11"
    )
    assert load(_write(tmp_path, b"\xef\xbb\xbf" + text.encode())).title == "Coffee to go"


def test_nan_duplicate_keys_and_deep_nesting(tmp_path: Path) -> None:
    assert _message(_write(tmp_path, '{"format": NaN}')) == (
        "Cannot read 'bad.blueprint.json': not valid JSON: NaN is not a JSON number"
    )
    assert _message(_write(tmp_path, '{"title": "a", "title": "b"}')) == (
        "Cannot read 'bad.blueprint.json': duplicate keys in one JSON object: 'title'"
    )
    assert _message(_write(tmp_path, "[" * 100_000 + "]" * 100_000)).endswith("nested too deeply")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _message(tmp_path / "absent.blueprint.json") == (
        "Cannot read 'absent.blueprint.json': No such file or directory"
    )
    assert _message(tmp_path) == f"Cannot read {tmp_path.name!r}: Is a directory"


def test_loads_accepts_text() -> None:
    text = (DATA / "coffee.blueprint.json").read_text(encoding="utf-8")
    assert loads(text).title == "Coffee to go"


def test_devices_and_pipes_are_refused_without_reading(tmp_path: Path) -> None:
    import os

    assert _message(Path("/dev/zero")) == (
        "Cannot read 'zero': not a regular file (a device, pipe or socket)"
    )
    fifo = tmp_path / "pipe.blueprint.json"
    os.mkfifo(fifo)
    assert _message(fifo) == (
        "Cannot read 'pipe.blueprint.json': not a regular file (a device, pipe or socket)"
    )


def test_wrong_types_are_not_converted(tmp_path: Path) -> None:
    data = _coffee()
    data["steps"][2]["duration_minutes"] = "5"
    data["steps"][2]["moment_of_truth"] = "yes"
    data["steps"][3]["fail_point"] = 0
    data["steps"][2]["emotion"] = True
    data["steps"][4]["layout"] = {"x": "10", "row": "2"}
    message = _message(_write(tmp_path, json.dumps(data)))
    assert message.startswith("Cannot read 'bad.blueprint.json': 6 problems")
    assert "steps[2].moment_of_truth: Input should be a valid boolean" in message
    assert "steps[4].layout.row: Input should be a valid integer" in message


def test_text_and_numbers_no_file_could_store(tmp_path: Path) -> None:
    text = (DATA / "coffee.blueprint.json").read_text(encoding="utf-8")
    assert _message(_write(tmp_path, text.replace("{", '{"x_big": 1e999, ', 1))) == (
        "Cannot read 'bad.blueprint.json': not valid JSON: the number 1e999 is too large"
    )
    assert _message(_write(tmp_path, text.replace("{", '{"x_tool": "\\ud800", ', 1))) == (
        "Cannot read 'bad.blueprint.json': text with an unpaired surrogate escape "
        "(\\ud800-\\udfff): not Unicode"
    )
    data = _coffee()
    data["steps"][2]["duration_minutes"] = 2e307
    assert "steps[2].duration_minutes: Input should be less than or equal to 1000000000" in (
        _message(_write(tmp_path, json.dumps(data)))
    )


def test_one_byte_over_the_limit_does_not_read_as_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import blueprint_app.storage.reader as loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 64 * 1024 * 1024)
    path = tmp_path / "big.blueprint.json"
    with path.open("wb") as stream:  # sparse: no 64 MiB written
        stream.truncate(64 * 1024 * 1024 + 1)
    assert _message(path) == (
        "Cannot read 'big.blueprint.json': the file is 64.0 MiB (67,108,865 bytes); "
        "blueprint files are limited to 64 MiB"
    )
