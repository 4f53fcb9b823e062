"""The merge driver with real git: ``blueprint git-setup`` in a fresh repository, two branches,
``git merge`` (issue 21's cases a-e), and ``git diff`` showing the change log."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from blueprint_app.model.blueprint import Blueprint, Step
from blueprint_app.storage import load, save
from blueprint_app.validation import validate
from tests.versions_support import blueprint_cli, sample, step

FILE = "stay.blueprint.json"
Edit = Callable[[Blueprint], None]


def _env(home: Path) -> dict[str, str]:
    """Never the user's git config: HOME and XDG point at the test's folder."""
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **_env(repo.parent / "home")},
    )


def _commit(repo: Path, blueprint: Blueprint, message: str) -> None:
    save(blueprint, repo / FILE)
    assert git(repo, "add", "-A").returncode == 0
    assert git(repo, "commit", "-q", "-m", message).returncode == 0


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    (tmp_path / "home").mkdir()
    assert git(folder, "init", "-q", "-b", "main").returncode == 0
    setup = blueprint_cli("git-setup", cwd=folder, env=_env(tmp_path / "home"))
    assert setup.returncode == 0, setup.stderr
    _commit(folder, sample(), "base")
    return folder


def _merge(repo: Path, ours: Edit, theirs: Edit) -> subprocess.CompletedProcess[str]:
    assert git(repo, "checkout", "-q", "-b", "theirs").returncode == 0
    blueprint = load(repo / FILE)
    theirs(blueprint)
    _commit(repo, blueprint, "theirs")
    assert git(repo, "checkout", "-q", "main").returncode == 0
    blueprint = load(repo / FILE)
    ours(blueprint)
    _commit(repo, blueprint, "ours")
    return git(repo, "merge", "theirs", "-m", "merge")


def _set(step_id: str, **fields: object) -> Edit:
    def edit(blueprint: Blueprint) -> None:
        for name, value in fields.items():
            setattr(step(blueprint, step_id), name, value)

    return edit


def _add(step_id: str, title: str, after: str) -> Edit:
    def edit(blueprint: Blueprint) -> None:
        blueprint.steps.append(Step(id=step_id, lane="customer", title=title))
        blueprint.flows.append(
            blueprint.flows[0].model_copy(
                update={"id": f"to-{step_id}", "source": after, "target": step_id}
            )
        )

    return edit


def _delete_s2(blueprint: Blueprint) -> None:
    blueprint.steps = [s for s in blueprint.steps if s.id != "s2"]
    blueprint.flows = [f for f in blueprint.flows if "s2" not in (f.source, f.target)]
    blueprint.notes[0].attached_to = None


def _clean(repo: Path, result: subprocess.CompletedProcess[str]) -> Blueprint:
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(repo, "status", "--porcelain").stdout == ""
    merged = load(repo / FILE)
    assert merged.conflicts == []
    assert not [f for f in validate(merged) if f.rule == "BP095"]
    return merged


def test_a_different_steps_merge_cleanly(repo: Path) -> None:
    merged = _clean(
        repo, _merge(repo, _set("s1", title="Walks in, tired"), _set("s3", title="Sleeps well"))
    )
    assert (step(merged, "s1").title, step(merged, "s3").title) == (
        "Walks in, tired",
        "Sleeps well",
    )


def test_b_different_fields_of_one_step_merge_cleanly(repo: Path) -> None:
    merged = _clean(
        repo, _merge(repo, _set("s2", title="Checks in fast"), _set("s2", standard="Within 2 min"))
    )
    assert (step(merged, "s2").title, step(merged, "s2").standard) == (
        "Checks in fast",
        "Within 2 min",
    )


def test_c_the_same_field_is_a_recorded_conflict(repo: Path) -> None:
    result = _merge(repo, _set("s2", title="Ours"), _set("s2", title="Theirs"))
    assert result.returncode != 0
    assert f"UU {FILE}" in git(repo, "status", "--porcelain").stdout
    text = (repo / FILE).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    merged = load(repo / FILE)  # still loadable
    assert step(merged, "s2").title == "Ours"
    [conflict] = merged.conflicts
    assert conflict.model_dump(mode="json") == {
        "kind": "step", "id": "s2", "field": "title", "base": "Checks in", "ours": "Ours", "theirs": "Theirs",
    }  # fmt: skip
    assert (
        "Conflict: Step “Ours”, title: ours “Ours”, theirs “Theirs”"
        in result.stdout + result.stderr
    )
    errors = [f for f in validate(merged) if f.rule == "BP095"]
    assert [f.items for f in errors] == [("s2",)]
    check = blueprint_cli("validate", repo / FILE)
    assert check.returncode == 1 and "BP095" in check.stdout and "[s2]" in check.stdout


def test_d_delete_versus_edit_keeps_ours_and_records_it(repo: Path) -> None:
    result = _merge(repo, _delete_s2, _set("s2", title="Checks in online"))
    assert result.returncode != 0
    merged = load(repo / FILE)
    assert "s2" not in {s.id for s in merged.steps}
    assert {f.id for f in merged.flows}.isdisjoint({"f1", "f2", "f3"})  # its flows went with it
    [conflict] = merged.conflicts
    assert (conflict.kind, conflict.id, conflict.field, conflict.ours) == ("step", "s2", None, None)
    assert conflict.theirs["title"] == "Checks in online"


def test_d_edit_versus_delete_keeps_the_step_with_its_flows(repo: Path) -> None:
    result = _merge(repo, _set("s2", title="Checks in online"), _delete_s2)
    assert result.returncode != 0
    merged = load(repo / FILE)
    assert step(merged, "s2").title == "Checks in online"
    assert {"f1", "f2", "f3"} <= {f.id for f in merged.flows}
    assert merged.conflicts[0].theirs is None


def test_e_the_same_new_id_on_both_sides_is_renamed_and_its_flows_follow(repo: Path) -> None:
    result = _merge(repo, _add("s9", "Pays the bill", "s2"), _add("s9", "Leaves a review", "s3"))
    merged = _clean(repo, result)
    titles = {s.id: s.title for s in merged.steps}
    assert titles["s9"] == "Pays the bill"
    assert titles["s9-2"] == "Leaves a review"
    flows = {f.id: (f.source, f.target) for f in merged.flows}
    assert flows["to-s9"] == ("s2", "s9")  # the same flow id clashed too: theirs renamed
    assert flows["to-s9-2"] == ("s3", "s9-2")


def test_git_diff_shows_the_change_log(repo: Path) -> None:
    blueprint = load(repo / FILE)
    step(blueprint, "s2").standard = "Within 2 min"
    save(blueprint, repo / FILE)
    shown = git(repo, "diff")
    assert shown.returncode == 0, shown.stderr
    assert (
        "~ Step “Checks in”: service standard changed from “Smile” to “Within 2 min”"
        in shown.stdout
    )


def test_git_setup_is_idempotent_and_global_writes_only_home(tmp_path: Path, repo: Path) -> None:
    home = tmp_path / "home"
    again = blueprint_cli("git-setup", cwd=repo, env=_env(home))
    assert again.returncode == 0 and "already set up" in again.stdout
    attributes = (repo / ".gitattributes").read_text(encoding="utf-8")
    assert attributes.count("*.blueprint.json merge=blueprint diff=blueprint") == 1
    for _ in range(2):
        done = blueprint_cli("git-setup", "--global", cwd=tmp_path, env=_env(home))
        assert done.returncode == 0, done.stderr
    global_attributes = (home / ".config" / "git" / "attributes").read_text(encoding="utf-8")
    assert global_attributes.count("merge=blueprint") == 1
    config = (home / ".gitconfig").read_text(encoding="utf-8")
    assert config.count('[merge "blueprint"]') == 1 and "merge %O %A %B" in config


def test_git_diff_of_a_new_file_lists_everything_as_added(repo: Path) -> None:
    blueprint = sample()
    blueprint.title = "Second"
    save(blueprint, repo / "second.blueprint.json")
    assert git(repo, "add", "second.blueprint.json").returncode == 0
    shown = git(repo, "diff", "--cached")
    assert shown.returncode == 0, shown.stderr
    assert "+ Step “Checks in” added" in shown.stdout


def test_both_branches_adding_the_same_file_merge_with_an_empty_base(repo: Path) -> None:
    other = "added.blueprint.json"
    assert git(repo, "checkout", "-q", "-b", "theirs").returncode == 0
    theirs = sample()
    step(theirs, "s1").title = "Theirs walks in"
    save(theirs, repo / other)
    assert git(repo, "add", other).returncode == 0
    assert git(repo, "commit", "-q", "-m", "theirs adds").returncode == 0
    assert git(repo, "checkout", "-q", "main").returncode == 0
    save(sample(), repo / other)
    assert git(repo, "add", other).returncode == 0
    assert git(repo, "commit", "-q", "-m", "ours adds").returncode == 0
    result = git(repo, "merge", "theirs", "-m", "merge")
    merged = load(repo / other)  # loadable whatever git decided
    assert "<<<<<<<" not in (repo / other).read_text(encoding="utf-8")
    assert step(merged, "s1").title == "Walks in"  # ours kept, the clash recorded
    assert result.returncode != 0 and [c.field for c in merged.conflicts] == ["title"]


def test_git_show_reads_the_change_field_by_field(repo: Path) -> None:
    blueprint = load(repo / FILE)
    step(blueprint, "s2").standard = "Within 2 min"
    blueprint.rules["BP023"] = "off"
    _commit(repo, blueprint, "a standard")
    shown = git(repo, "show", "HEAD")
    assert shown.returncode == 0, shown.stderr
    assert '-step s2: standard = "Smile"' in shown.stdout
    assert '+step s2: standard = "Within 2 min"' in shown.stdout
    assert '+blueprint: rules.BP023 = "off"' in shown.stdout
    assert '"steps": [' not in shown.stdout  # no JSON lines
