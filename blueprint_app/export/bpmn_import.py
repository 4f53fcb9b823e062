"""BPMN 2.0 opened as a blueprint: lanes and pools become lanes, tasks and events steps,
forking gateways decisions, sequence and message flows flows, text annotations notes, data
objects evidence, groups phases, and the diagram's positions the order, columns and rows.

The file is read with defusedxml and no document type at all, so external entities and entity
expansion bombs are refused before anything is built. What has no blueprint meaning is dropped
and counted, with the reason, in :class:`ImportReport`.

Gateways: a parallel gateway is the blueprint's own way of drawing parallel work (several
flows out of, or into, one step), so it is dissolved into flows; so is any gateway that only
merges. A gateway that chooses (exclusive, inclusive, event-based, complex, with several flows
out) becomes a decision step. In files this app wrote (``exporter="Blueprint Studio"``), the
gateways it added for forks, joins and recovery choices are dissolved too, and the texts it
wrote (lane kinds, actor, channel, recovery, two-way, labels) are read back, so an export
imported again keeps its steps, lanes, flows and titles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import defusedxml
import defusedxml.ElementTree as SafeET

from blueprint_app.model.blueprint import (
    LANGUAGE_PATTERN,
    STANDARD_LANE_ORDER,
    Blueprint,
    LaneKind,
)
from blueprint_app.model.factory import lane_titles, now_iso
from blueprint_app.model.glossary import MARKERS
from blueprint_app.storage import BlueprintFileError
from blueprint_app.storage.reader import from_raw

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
EXPORTER = "Blueprint Studio"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: the lane documentation this app writes, read back so a re-import keeps each lane's kind
LANE_KIND_PREFIX = "Blueprint lane kind: "
#: distance between two columns of the imported blueprint, as the templates space them
COLUMN_STEP = 220.0
#: shapes whose centres are closer than this share a column (or a row)
CLUSTER = 40.0

ACTIVITIES = {
    "task",
    "userTask",
    "serviceTask",
    "manualTask",
    "sendTask",
    "receiveTask",
    "scriptTask",
    "businessRuleTask",
    "callActivity",
    "subProcess",
    "transaction",
    "adHocSubProcess",
}
GATEWAYS = {
    "exclusiveGateway",
    "inclusiveGateway",
    "parallelGateway",
    "eventBasedGateway",
    "complexGateway",
}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent"}
DATA = {"dataObjectReference", "dataStoreReference"}
#: definitions a flow element refers to, not elements of a diagram of their own
SILENT = {"dataObject", "laneSet", "documentation", "extensionElements", "property"}
#: words in a lane's name that say its kind, English and Chinese; the first kind that matches
LANE_WORDS: tuple[tuple[LaneKind, tuple[str, ...]], ...] = (
    (LaneKind.PHYSICAL_EVIDENCE, ("evidence", "有形展示", "有形证据", "实体证据")),
    (
        LaneKind.CUSTOMER,
        (
            "customer",
            "client",
            "guest",
            "patient",
            "buyer",
            "passenger",
            "visitor",
            "consumer",
            "applicant",
            "user",
            "顾客",
            "客户",
            "用户",
            "患者",
            "病人",
            "乘客",
            "访客",
            "买家",
            "申请人",
        ),
    ),
    (
        LaneKind.FRONTSTAGE,
        ("front", "counter", "reception", "desk", "cashier", "sales", "前台", "柜台", "接待"),
    ),
    (
        LaneKind.BACKSTAGE,
        ("back", "kitchen", "warehouse", "后台", "后厨", "仓库"),
    ),
    (
        LaneKind.SUPPORT,
        ("system", "support", "engine", "database", "platform", "支持", "系统", "平台"),
    ),
)
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff]")
_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]")
_DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


class BpmnImportError(ValueError):
    """The file cannot be opened as a blueprint; the message says why, for a person."""


@dataclass
class ImportReport:
    """What became of the file's elements."""

    mapped: Counter[str] = field(default_factory=Counter)  # "task → action step": count
    dropped: Counter[str] = field(default_factory=Counter)  # element kind: count
    reasons: dict[str, str] = field(default_factory=dict)  # element kind: why dropped
    #: lane names whose kind could not be told from the name (made custom lanes)
    unsure_lanes: list[str] = field(default_factory=list)

    def drop(self, kind: str, reason: str, count: int = 1) -> None:
        self.dropped[kind] += count
        self.reasons.setdefault(kind, reason)

    def lines(self) -> list[str]:
        """A summary a person reads: what mapped, what was dropped and why."""
        found = [f"  {what}: {count}" for what, count in sorted(self.mapped.items())]
        lines = ["mapped:", *found] if found else ["mapped: nothing"]
        for kind, count in sorted(self.dropped.items()):
            lines.append(f"dropped {count} × {kind}: {self.reasons[kind]}")
        for name in self.unsure_lanes:
            lines.append(f"lane {name!r}: kind not clear from its name, made a custom lane")
        return lines


@dataclass
class ImportResult:
    data: dict[str, Any]  # the blueprint document, ready for storage.from_raw
    report: ImportReport


def guess_lane_kind(name: str) -> LaneKind | None:
    """The lane kind a name says (``Customer``, ``顾客``, ``Front office``, ``IT system``…),
    or None when it says none."""
    text = name.casefold()
    for kind, words in LANE_WORDS:
        if any(_has_word(text, word) for word in words):
            return kind
    return None


def _has_word(text: str, word: str) -> bool:
    if _CJK.search(word):
        return word in text
    return re.search(rf"(?<![a-z]){re.escape(word)}", text) is not None


def read_bpmn(
    data: bytes,
    source: str = "<memory>",
    lane_kinds: Mapping[str, LaneKind] | None = None,
) -> ImportResult:
    """The blueprint document of a BPMN file; ``lane_kinds`` (lane name → kind) overrides the
    guess from lane names. Raises :class:`BpmnImportError` for anything that is not BPMN."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as error:
        raise BpmnImportError(
            f"{source}: refused: the file declares a document type or entities "
            f"({type(error).__name__}), which BPMN never needs and which can read other files "
            "or expand without end"
        ) from None
    except ET.ParseError as error:
        raise BpmnImportError(f"{source}: not XML: {error}") from None
    if root.tag != _m("definitions"):
        raise BpmnImportError(
            f"{source}: not a BPMN 2.0 file: its root element is {_local(root.tag)!r} "
            f"({_namespace(root.tag) or 'no namespace'}), expected 'definitions' in {MODEL}"
        )
    return _Reader(root, source, dict(lane_kinds or {})).result()


#: a BPMN file larger than this is refused before it is parsed (the largest public models are
#: a few megabytes; a bigger file is a mistake or an attack)
MAX_BYTES = 64 * 1024 * 1024


def import_bpmn(
    path: str | Path, lane_kinds: Mapping[str, LaneKind] | None = None
) -> tuple[Blueprint, ImportReport]:
    """The blueprint a BPMN file makes, checked like a file being opened, and what mapped."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BpmnImportError(
                f"{path}: {size / 1024 / 1024:.0f} MB is too large for a BPMN diagram "
                f"(at most {MAX_BYTES // 1024 // 1024} MB)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise BpmnImportError(f"{path}: cannot read: {error.strerror or error}") from None
    result = read_bpmn(data, str(path), lane_kinds)
    try:
        return from_raw(result.data, path), result.report
    except BlueprintFileError as error:  # a mapping this module got wrong: say so, plainly
        raise BpmnImportError(f"{path}: the blueprint made from it is not valid: {error}") from None


def _m(tag: str) -> str:
    return f"{{{MODEL}}}{tag}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _text(element: ET.Element) -> str:
    return "\n".join(
        (doc.text or "").strip() for doc in element.findall(_m("documentation")) if doc.text
    )


@dataclass
class _Node:
    """A flow element of the file on its way to a step (or to be dissolved)."""

    id: str
    tag: str
    name: str
    lane: str  # key into _Reader.lanes
    element: ET.Element
    kind: str = "action"  # step kind, or "dissolve"
    step_id: str = ""


@dataclass
class _Lane:
    key: str
    name: str
    kind: LaneKind | None
    documented: bool = False


class _Reader:
    def __init__(self, root: ET.Element, source: str, lane_kinds: dict[str, LaneKind]) -> None:
        self.root = root
        self.source = source
        self.ours = root.get("exporter") == EXPORTER
        self.overrides = {name.strip().casefold(): kind for name, kind in lane_kinds.items()}
        self.report = ImportReport()
        self.lanes: dict[str, _Lane] = {}
        self.nodes: dict[str, _Node] = {}
        self.flows: list[tuple[str, str, ET.Element]] = []  # source, target, element
        self.evidence_links: list[tuple[str, str, str]] = []  # id, source, target
        self.notes: dict[str, str] = {}
        self.note_links: dict[str, str] = {}
        self.boundary: dict[str, str] = {}  # boundary event id → the activity it sits on
        self.taken: set[str] = set()
        self.bounds = self._bounds()

    # -- reading -------------------------------------------------------------------------

    def result(self) -> ImportResult:
        participants = {
            p.get("processRef"): p for p in self.root.iter(_m("participant")) if p.get("processRef")
        }
        processes = self.root.findall(_m("process"))
        for process in processes:
            pool = participants.get(process.get("id"))
            pool_name = (pool.get("name") if pool is not None else None) or process.get("name")
            self._read_process(process, self._name(pool_name), pool is not None)
        for pool in self.root.iter(_m("participant")):
            if pool.get("processRef") not in {p.get("id") for p in processes}:
                self.report.drop("pool without a process", "a black box: no steps to draw")
        if not self.lanes or not any(n.kind != "dissolve" for n in self.nodes.values()):
            raise BpmnImportError(
                f"{self.source}: no lanes or pools with steps: a blueprint needs to know who "
                "does each step, and this BPMN says it nowhere"
            )
        self._read_collaboration()
        return ImportResult(self._document(), self.report)

    def _name(self, text: str | None) -> str:
        """A name as a blueprint title: other tools break lines in names to fit their shapes."""
        return (text or "").strip() if self.ours else " ".join((text or "").split())

    def _read_process(self, process: ET.Element, pool_name: str, in_pool: bool) -> None:
        lane_of: dict[str, str] = {}
        leaves = _leaf_lanes(process)
        if not leaves and not in_pool:  # nothing says who does the work
            self.report.drop("process without pool or lane", "no lane to put its steps in", 1)
            return
        for leaf in leaves:
            key = leaf.get("id") or f"lane{len(self.lanes)}"
            self._add_lane(key, self._name(leaf.get("name")) or pool_name, leaf)
            for ref in leaf.iter(_m("flowNodeRef")):
                lane_of[(ref.text or "").strip()] = key
        pool_key = f"pool:{process.get('id')}"
        for element in process:
            tag = _local(element.tag)
            if element.tag == _m("laneSet") or tag in SILENT:
                continue
            lane = lane_of.get(element.get("id") or "")
            if lane is None and tag not in ("sequenceFlow", "association", "textAnnotation"):
                if pool_key not in self.lanes:
                    self._add_lane(pool_key, pool_name or process.get("id") or "Pool", None)
                lane = pool_key
            self._read_element(element, tag, lane or pool_key)

    def _add_lane(self, key: str, name: str, element: ET.Element | None) -> None:
        documented = _text(element) if element is not None else ""
        kind: LaneKind | None = None
        if documented.startswith(LANE_KIND_PREFIX):
            value = documented[len(LANE_KIND_PREFIX) :].split("\n", 1)[0].strip()
            kind = LaneKind(value) if value in {k.value for k in LaneKind} else None
        override = self.overrides.get(name.casefold())
        if override is not None:
            kind = override
        elif kind is None:
            kind = guess_lane_kind(name)
        self.lanes[key] = _Lane(key, name or key, kind)

    def _read_element(self, element: ET.Element, tag: str, lane: str) -> None:
        eid = element.get("id") or ""
        name = self._name(element.get("name"))
        if tag == "sequenceFlow":
            self.flows.append(
                (element.get("sourceRef") or "", element.get("targetRef") or "", element)
            )
        elif tag in ACTIVITIES:
            self._node(eid, tag, name, lane, element, "action")
            self._data_associations(element, eid)
            inner = sum(
                1
                for child in element
                if _local(child.tag) not in SILENT | {"incoming", "outgoing"} and child.get("id")
            )
            if tag in ("subProcess", "transaction", "adHocSubProcess") and inner:
                self.report.drop(
                    "element inside a sub-process", "the sub-process is one step", inner
                )
        elif tag in EVENTS:
            kind = {"startEvent": "start", "endEvent": "end", "intermediateCatchEvent": "wait"}
            self._node(eid, tag, name, lane, element, kind.get(tag, "action"))
            self._data_associations(element, eid)
        elif tag == "boundaryEvent":
            self.boundary[eid] = element.get("attachedToRef") or ""
            self.report.mapped["boundaryEvent → fail point with recovery flows"] += 1
        elif tag in GATEWAYS:
            self._node(eid, tag, name, lane, element, "gateway")
        elif tag in DATA:
            self._node(eid, tag, name, lane, element, "evidence")
        elif tag == "textAnnotation":
            self.notes[eid] = (element.findtext(_m("text")) or "").strip()
            self.report.mapped["textAnnotation → note"] += 1
        elif tag == "association":
            self._association(element)
        elif tag == "group":
            pass  # not dropped: groups become phases once the diagram's shapes are read
        else:
            self.report.drop(tag, "no blueprint equivalent")

    def _node(
        self, eid: str, tag: str, name: str, lane: str, element: ET.Element, kind: str
    ) -> None:
        self.nodes[eid] = _Node(eid, tag, name, lane, element, kind)

    def _data_associations(self, element: ET.Element, eid: str) -> None:
        """Data read or written by an activity or event: evidence linked to its step."""
        for association in element:
            tag = _local(association.tag)
            if tag == "dataInputAssociation":
                for ref in association.findall(_m("sourceRef")):
                    self.evidence_links.append(
                        (association.get("id") or "", (ref.text or "").strip(), eid)
                    )
            elif tag == "dataOutputAssociation":
                target = (association.findtext(_m("targetRef")) or "").strip()
                self.evidence_links.append((association.get("id") or "", target, eid))

    def _association(self, element: ET.Element) -> None:
        source, target = element.get("sourceRef") or "", element.get("targetRef") or ""
        if source in self.notes or target in self.notes:
            note, step = (source, target) if source in self.notes else (target, source)
            self.note_links[note] = step
        else:
            self.evidence_links.append((element.get("id") or "", source, target))

    def _read_collaboration(self) -> None:
        for collaboration in self.root.iter(_m("collaboration")):
            for element in collaboration:
                tag = _local(element.tag)
                if tag == "messageFlow":
                    source, target = element.get("sourceRef") or "", element.get("targetRef") or ""
                    if source in self.nodes and target in self.nodes:
                        self.flows.append((source, target, element))
                    else:
                        self.report.drop(
                            "messageFlow to or from a pool", "a pool is not a step to connect"
                        )
                elif tag == "textAnnotation":
                    self.notes[element.get("id") or ""] = (
                        element.findtext(_m("text")) or ""
                    ).strip()
                    self.report.mapped["textAnnotation → note"] += 1
                elif tag == "association":
                    self._association(element)
                elif tag not in ("participant", "group", "documentation", "extensionElements"):
                    self.report.drop(tag, "no blueprint equivalent")

    # -- the diagram -----------------------------------------------------------------------

    def _bounds(self) -> dict[str, tuple[float, float, float, float]]:
        """bpmnElement → (x, y, width, height) of its shape in the first diagram."""
        found: dict[str, tuple[float, float, float, float]] = {}
        diagram = next(self.root.iter(f"{{{BPMNDI}}}BPMNDiagram"), None)
        if diagram is None:
            return found
        for shape in diagram.iter(f"{{{BPMNDI}}}BPMNShape"):
            box = shape.find(f"{{{DC}}}Bounds")
            ref = shape.get("bpmnElement")
            if box is None or not ref:
                continue
            try:
                values = tuple(float(box.get(k) or "x") for k in ("x", "y", "width", "height"))
            except ValueError:
                continue
            found[ref] = values  # type: ignore[assignment]
        return found

    def _centre(self, eid: str) -> tuple[float, float] | None:
        box = self.bounds.get(eid)
        return (box[0] + box[2] / 2, box[1] + box[3] / 2) if box else None

    # -- building the blueprint ------------------------------------------------------------

    def _document(self) -> dict[str, Any]:
        self._decide_gateways()
        language = self._language()
        lanes, lane_ids = self._blueprint_lanes(language)
        steps = self._steps(lane_ids)
        flows = self._flows()
        title = self._title()
        phases = self._phases(steps)
        notes = self._notes(steps)
        stamp = now_iso()
        return {
            "format": "service-blueprint",
            "format_version": 2,
            "title": title,
            "language": language,
            "created": stamp,
            "modified": stamp,
            "lanes": lanes,
            "phases": phases,
            "steps": steps,
            "flows": flows,
            "notes": notes,
        }

    def _language(self) -> str:
        """The file's ``xml:lang`` when it is a language tag (our exports write it), else
        Chinese when any name is, else English."""
        tag = (self.root.get(XML_LANG) or "").strip()
        if re.fullmatch(LANGUAGE_PATTERN, tag):
            return tag
        return "zh-CN" if self._chinese() else "en"

    def _chinese(self) -> bool:
        names = [n.name for n in self.nodes.values()] + [lane.name for lane in self.lanes.values()]
        return any(_CJK.search(name) for name in names)

    def _title(self) -> str:
        for pool in self.root.iter(_m("participant")):
            if (pool.get("name") or "").strip() and self.ours:
                return (pool.get("name") or "").strip()
        for candidate in (
            self.root.get("name"),
            next((p.get("name") for p in self.root.iter(_m("process")) if p.get("name")), None),
            next((p.get("name") for p in self.root.iter(_m("participant")) if p.get("name")), None),
        ):
            if candidate and candidate.strip():
                return candidate.strip()
        stem = self.source.rsplit("/", 1)[-1].split(".", 1)[0]
        return stem or "Imported BPMN"

    def _decide_gateways(self) -> None:
        """Which gateways become decisions and which dissolve into flows (and, in our own
        files, the events added around customer-independent work)."""
        out: Counter[str] = Counter(source for source, _, _ in self.flows)
        for node in self.nodes.values():
            if self.ours and node.id.startswith(("Begin_", "Finish_")):
                node.kind = "dissolve"
                self.report.mapped[f"{node.tag} (added by this app) → nothing"] += 1
            if node.kind != "gateway":
                continue
            added = self.ours and node.id.startswith(("Split_", "Fork_", "Merge", "Join_"))
            if added or node.tag == "parallelGateway" or out[node.id] <= 1:
                node.kind = "dissolve"
                what = (
                    "added by this app"
                    if added
                    else "parallel"
                    if node.tag == "parallelGateway"
                    else "merge"
                )
                self.report.mapped[f"{node.tag} ({what}) → flows"] += 1
            else:
                node.kind = "decision"

    def _blueprint_lanes(self, language: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """The five standard lanes (each the file's first lane of that kind, or a new one) in
        their order, then the file's other lanes as custom lanes."""
        titles = lane_titles(language)
        used = [
            lane
            for lane in self.lanes.values()
            if not lane.key.startswith("pool:") or self._has_steps(lane.key)
        ]
        first: dict[LaneKind, _Lane] = {}
        for lane in used:
            if (
                lane.kind is not None
                and lane.kind is not LaneKind.CUSTOM
                and lane.kind not in first
            ):
                first[lane.kind] = lane
        ids: dict[str, str] = {}
        result: list[dict[str, Any]] = []
        lane_taken: set[str] = set()
        for kind in STANDARD_LANE_ORDER:
            found = first.get(kind)
            lid = self._unique(
                found.key.removeprefix("Lane_")
                if found and self.ours
                else kind.value.split("_")[-1],
                lane_taken,
            )
            result.append(
                {"id": lid, "kind": kind.value, "title": found.name if found else titles[kind]}
            )
            if found:
                ids[found.key] = lid
            ids.setdefault(f"standard:{kind.value}", lid)
        for lane in used:
            if lane.key not in ids:
                lid = self._unique(lane.key.removeprefix("Lane_"), lane_taken)
                result.append({"id": lid, "kind": LaneKind.CUSTOM.value, "title": lane.name})
                ids[lane.key] = lid
        for lane in used:
            if lane.kind is None and lane.name not in self.report.unsure_lanes:
                self.report.unsure_lanes.append(lane.name)
            standard = lane.kind in first and first[lane.kind] is lane
            what = "standard lane" if standard else "custom lane"
            self.report.mapped[f"lane or pool → {what}"] += 1
        return result, ids

    def _has_steps(self, key: str) -> bool:
        return any(
            n.lane == key and n.kind not in ("dissolve", "evidence") for n in self.nodes.values()
        )

    def _unique(self, wanted: str, taken: set[str]) -> str:
        base = _ID_CHARS.sub("_", wanted)[:56] or "id"
        value, number = base, 2
        while value in taken:
            value, number = f"{base}-{number}", number + 1
        taken.add(value)
        return value

    def _steps(self, lane_ids: dict[str, str]) -> list[dict[str, Any]]:
        kept = [n for n in self.nodes.values() if n.kind != "dissolve"]
        columns = _clusters([c[0] for n in kept if (c := self._centre(n.id))])
        rows: dict[str, list[float]] = {}
        for node in kept:
            centre = self._centre(node.id)
            if centre:
                rows.setdefault(self._lane_of(node, lane_ids), []).append(centre[1])
        row_of = {lane: _clusters(ys) for lane, ys in rows.items()}
        kept.sort(key=lambda n: (self._centre(n.id) or (1e18, 0))[::1])
        steps: list[dict[str, Any]] = []
        for node in kept:
            wanted = node.id.removeprefix("Step_") if self.ours else node.id
            node.step_id = self._unique(wanted, self.taken)
            lane = self._lane_of(node, lane_ids)
            step: dict[str, Any] = {
                "id": node.step_id,
                "lane": lane,
                "kind": node.kind,
                "title": node.name,
            }
            self._fields(step, node)
            centre = self._centre(node.id)
            if centre:
                step["layout"] = {
                    "x": columns[centre[0]] * COLUMN_STEP,
                    "row": row_of[lane][centre[1]],
                }
            steps.append(step)
            self.report.mapped[f"{node.tag} → {node.kind} step"] += 1
        return steps

    def _lane_of(self, node: _Node, lane_ids: dict[str, str]) -> str:
        if node.kind == "evidence":
            return lane_ids["standard:physical_evidence"]
        return lane_ids[node.lane]

    def _fields(self, step: dict[str, Any], node: _Node) -> None:
        """Description, actor, channel, standard and flags from the documentation (the lines
        this app writes; anything else is the description); a timer's duration."""
        lines: list[str] = []
        for line in _text(node.element).splitlines():
            key, _, value = line.partition(": ")
            fields = {"Actor": "actor", "Channel": "channel", MARKERS["standard"].en: "standard"}
            fields[MARKERS["policy"].en] = "policy"
            if self.ours and key in fields and value:
                step[fields[key]] = value
            elif self.ours and line.startswith(MARKERS["customer_independent"].en + " ("):
                step["customer_independent"] = True
            elif self.ours and line == MARKERS["moment_of_truth"].en:
                step["moment_of_truth"] = True
            elif self.ours and line == MARKERS["fail_point"].en:
                step["fail_point"] = True
            else:
                lines.append(line)
        if lines:
            step["description"] = "\n".join(lines)
        if node.id in self.boundary.values():
            step["fail_point"] = True
        duration = node.element.findtext(f"{_m('timerEventDefinition')}/{_m('timeDuration')}")
        minutes = _minutes(duration or "")
        if minutes is not None:
            step["duration_minutes"] = minutes

    def _flows(self) -> list[dict[str, Any]]:
        """Sequence and message flows between steps, through the dissolved gateways."""
        steps = {n.id: n.step_id for n in self.nodes.values() if n.kind != "dissolve"}
        out: dict[str, list[tuple[str, ET.Element]]] = {}
        for source, target, element in self.flows:
            out.setdefault(self._from(source), []).append((target, element))
        flows: list[dict[str, Any]] = []
        taken: set[str] = set()
        seen: set[tuple[str, str]] = set()
        for source in [s for s in out if s in steps]:
            for target, path in self._walk(source, out, steps):
                if (source, target) in seen:
                    continue
                seen.add((source, target))
                flows.append(self._flow(steps[source], steps[target], path, taken))
        for eid, source, target in self.evidence_links:
            if source in steps and target in steps:
                wanted = eid.removeprefix("Flow_") if self.ours else eid or "evidence"
                flows.append(
                    {
                        "id": self._unique(wanted, taken),
                        "source": steps[source],
                        "target": steps[target],
                        "kind": "evidence",
                    }
                )
                self.report.mapped["association with data → evidence link"] += 1
            else:
                self.report.drop("association", "one of its ends is no step")
        return flows

    def _from(self, source: str) -> str:
        """A flow out of a boundary event leaves the activity it sits on."""
        return self.boundary.get(source, source)

    def _walk(
        self, source: str, out: dict[str, list[tuple[str, ET.Element]]], steps: dict[str, str]
    ) -> Iterator[tuple[str, list[ET.Element]]]:
        """Each step reached from ``source`` through dissolved gateways, with the BPMN flows
        on the way."""
        stack = [(target, [element]) for target, element in reversed(out.get(source, []))]
        visited: set[str] = set()
        while stack:
            node, path = stack.pop()
            if node in steps:
                yield node, path
            elif node in self.nodes and node not in visited:
                visited.add(node)
                stack.extend((t, [*path, e]) for t, e in reversed(out.get(node, [])))
            elif node not in self.nodes and node not in visited:
                visited.add(node)
                self.report.drop("flow to an element that is not a step", "nothing to connect")

    def _flow(
        self, source: str, target: str, path: list[ET.Element], taken: set[str]
    ) -> dict[str, Any]:
        own = next((e for e in path if (e.get("id") or "").startswith("Flow_")), None)
        main = own if own is not None and self.ours else path[0]
        wanted = (
            (main.get("id") or "flow").removeprefix("Flow_")
            if self.ours
            else main.get("id") or "flow"
        )
        flow: dict[str, Any] = {
            "id": self._unique(wanted, taken),
            "source": source,
            "target": target,
            "kind": "flow",
        }
        label = next(
            ((e.get("name") or "").strip() for e in path if (e.get("name") or "").strip()), ""
        )
        recovery = any(e.get("sourceRef") in self.boundary for e in path)
        for line in _text(main).splitlines():
            key, _, value = line.partition(": ")
            if self.ours and line == "Recovery path":
                recovery = True
            elif self.ours and line == MARKERS["two_way"].en:
                flow["two_way"] = True
            elif self.ours and key == "Channel" and value:
                flow["channel"] = value
            elif self.ours and key == "Label" and value and not label:
                label = value
        if recovery:
            flow["kind"] = "recovery"
        if label:
            flow["label"] = label
        tag = _local(path[0].tag)
        self.report.mapped[f"{tag} → {flow['kind']}"] += 1
        return flow

    def _phases(self, steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Groups that span steps, left to right, become phases; a step takes the phase whose
        group holds its centre."""
        groups = []
        for group in self.root.iter(_m("group")):
            box = self.bounds.get(group.get("id") or "")
            if box is None:
                self.report.drop("group", "not drawn, so it holds no steps")
                continue
            groups.append((box, group))
        groups.sort(key=lambda item: item[0][0])
        names = self._category_names()
        phases: list[dict[str, Any]] = []
        taken: set[str] = set()
        by_id = {n.step_id: n for n in self.nodes.values() if n.step_id}
        for (x, y, width, height), group in groups:
            inside = [
                step
                for step in steps
                if "phase" not in step
                and (c := self._centre(by_id[step["id"]].id))
                and x <= c[0] <= x + width
                and y <= c[1] <= y + height
            ]
            if not inside:
                self.report.drop("group", "holds no steps")
                continue
            wanted = (
                (group.get("id") or "phase").removeprefix("Phase_")
                if self.ours
                else group.get("id") or "phase"
            )
            pid = self._unique(wanted, taken)
            title = names.get(group.get("categoryValueRef") or "", "") or f"Phase {len(phases) + 1}"
            phases.append({"id": pid, "title": title, "description": _text(group)})
            for step in inside:
                step["phase"] = pid
            self.report.mapped["group → phase"] += 1
        return phases

    def _category_names(self) -> dict[str, str]:
        return {
            value.get("id") or "": (value.get("value") or "").strip()
            for value in self.root.iter(_m("categoryValue"))
        }

    def _notes(self, steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_bpmn = {n.id: n.step_id for n in self.nodes.values() if n.step_id}
        layout = {step["id"]: step.get("layout") for step in steps}
        notes: list[dict[str, Any]] = []
        taken: set[str] = set()
        for index, (eid, text) in enumerate(self.notes.items()):
            wanted = eid.removeprefix("Note_") if self.ours else eid
            note: dict[str, Any] = {"id": self._unique(wanted, taken), "text": text}
            attached = by_bpmn.get(self.note_links.get(eid, ""))
            place = layout.get(attached) if attached else None
            note["layout"] = {"x": place["x"] if place else index * COLUMN_STEP, "y": -80.0}
            if attached:
                note["attached_to"] = attached
            notes.append(note)
        return notes


def _leaf_lanes(process: ET.Element) -> list[ET.Element]:
    """The lanes that hold flow nodes: nested lanes (childLaneSet) stand for their parent."""
    leaves = []
    for lane_set in process.findall(_m("laneSet")):
        stack = list(lane_set.findall(_m("lane")))[::-1]
        while stack:
            lane = stack.pop()
            children = [c for s in lane.findall(_m("childLaneSet")) for c in s.findall(_m("lane"))]
            if children:
                stack.extend(children[::-1])
            else:
                leaves.append(lane)
    return leaves


def _clusters(values: list[float]) -> dict[float, int]:
    """Each value → the index of its cluster, clusters in order, a new one after each gap
    wider than CLUSTER."""
    index: dict[float, int] = {}
    current, last = -1, None
    for value in sorted(set(values)):
        if last is None or value - last > CLUSTER:
            current += 1
        index[value] = current
        last = value
    return index


def _minutes(duration: str) -> float | None:
    """An ISO 8601 duration (PT1H30M) in minutes, or None when it is none."""
    match = _DURATION.match(duration.strip())
    if not match or not any(match.groups()):
        return None
    days, hours, minutes, seconds = (float(part or 0) for part in match.groups())
    return round(days * 1440 + hours * 60 + minutes + seconds / 60, 4)


__all__ = [
    "BpmnImportError",
    "ImportReport",
    "ImportResult",
    "guess_lane_kind",
    "import_bpmn",
    "read_bpmn",
]
