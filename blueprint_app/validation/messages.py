"""Finding messages and hints in every supported language, keyed by rule id.

A Python-side catalogue (not Qt's) so the core stays Qt-free. Templates use ``str.format``
with the arguments each rule yields; arguments that are :class:`~.terms.Term` values are looked
up in ``TERMS`` first. Chinese is written for Chinese service designers, not word for word.
"""

from __future__ import annotations

from blueprint_app.model.glossary import LANGUAGES, PARTS, STEP_KINDS
from blueprint_app.model.glossary import language_key as glossary_language

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "BP001": (
            "A flow goes from “{step}” back to itself.",
            "Delete the flow, or point it at the step that comes next.",
        ),
        "BP002": (
            "Evidence card “{step}” sits in the lane “{lane}”, not in the physical-evidence lane.",
            "Move it to the physical-evidence lane, or change its kind if it is work someone does.",
        ),
        "BP003": (
            "“{step}” is in the physical-evidence lane but is a {kind} step, not evidence.",
            "Set its kind to evidence, or move it to the lane where the work happens.",
        ),
        "BP004": (
            "The {kind} step “{step}” is not in the customer lane.",
            "Start and end the journey with something the customer does: move the step "
            "to the customer lane.",
        ),
        "BP005": (
            "A {what} has no title (id {id}).",
            "Give it a short title that says what happens.",
        ),
        "BP006": (
            "{count} flows of the same kind run from “{source}” to “{target}”.",
            "Delete the extra flows and keep one.",
        ),
        "BP007": (
            "The customer does nothing in phase “{phase}”.",
            "Add the customer's action in this phase, or merge the phase into its neighbour.",
        ),
        "BP008": (
            "Cards “{first}” and “{second}” overlap on the canvas.",
            "Move one of them sideways or to another row.",
        ),
        "BP009": (
            "Step “{step}” is in no phase.",
            "Put it in the phase of the journey in which it happens.",
        ),
        "BP010": (
            "The evidence link from “{source}” to “{target}” does not join an evidence "
            "card to a step.",
            "Use an ordinary flow between steps; an evidence link goes from an evidence "
            "card to its step.",
        ),
        "BP011": (
            "Evidence card “{step}” is part of the process flow.",
            "Make the flow an evidence link: evidence cards are not steps of the work.",
        ),
        "BP012": (
            "A recovery flow leaves “{step}”, which is not marked as a fail point.",
            "Mark “{step}” as a fail point, or make the flow an ordinary flow.",
        ),
        "BP014": (
            "The customer lane holds no step: the blueprint does not show what the customer does.",
            "Draw the customer's actions in the customer lane, start to end; the staff's "
            "work goes below them.",
        ),
        "BP014.no_lane": (
            "The blueprint has no customer lane: it does not show what the customer does.",
            "Add a customer lane and draw the customer's actions in it, start to end.",
        ),
        "BP015": (
            "No physical evidence at all: nothing shows what the customer sees, touches or "
            "receives.",
            "Add evidence cards (signs, screens, documents, the place itself) above the "
            "customer steps they belong to.",
        ),
        "BP013": (
            "“{step}” lies far away from the rest of the blueprint.",
            "Arrange the blueprint (Ctrl+Shift+L), or drag the card back to the others.",
        ),
        "BP016": (
            "“{item}” refers to the {what} “{id}”, which the blueprint does not have.",
            "Point it at an existing {what}, or delete it.",
        ),
        "BP020": (
            "The blueprint has no start step.",
            "Mark the customer's first action as the start.",
        ),
        "BP021": ("The blueprint has no end step.", "Mark the customer's last action as the end."),
        "BP022": (
            "“{step}” cannot be reached from any start.",
            "Add a flow into it from the step that comes before it.",
        ),
        "BP023": (
            "No end can be reached from “{step}”: the path stops there.",
            "Add a flow from it to the step that follows, so that the path leads to an end.",
        ),
        "BP024": (
            "“{step}” has no flows at all.",
            "Connect it to the steps before and after it (link an evidence card to its "
            "step), or delete it.",
        ),
        "BP025": (
            "{count} steps form a loop with no way out: {steps}.",
            "Add a flow out of the loop towards an end, e.g. for when the customer agrees "
            "or gives up.",
        ),
        "BP026": (
            "Decision “{step}” has {count} outgoing flow(s); it needs at least two.",
            "Add a flow for each possible answer, labelled with its condition.",
        ),
        "BP027": (
            "The branch from decision “{step}” to “{target}” has no label.",
            "Label the flow with the condition for taking it (e.g. yes / no).",
        ),
        "BP028": (
            "Decision “{step}” has several branches labelled “{label}”.",
            "Give each branch its own condition.",
        ),
        "BP022.hidden": (
            "“{step}” cannot be reached from any start.",
            "If it is done regardless of any one customer (preparation, supplies, training), "
            "mark it customer-independent; otherwise add a flow into it from the step before.",
        ),
        "BP024.hidden": (
            "“{step}” has no flows at all.",
            "If it is work done regardless of any one customer (preparation, cleaning, "
            "training), mark it customer-independent; otherwise connect it or delete it.",
        ),
        "BP029": (
            "Customer step “{step}” is not on the customer's own path from start to end.",
            "Connect it to the customer's previous and next actions in the customer lane.",
        ),
        "BP029.broken": (
            "The customer's own path never reaches an end: it breaks after “{step}”.",
            "Add what the customer does or meets next (often a wait), so that "
            "customer and frontstage steps lead on to the end.",
        ),
        "BP030": (
            "Start step “{step}” has flows coming into it.",
            "Point those flows at a later step, or change the step's kind.",
        ),
        "BP031": (
            "End step “{step}” has flows leaving it that lead the customer on.",
            "Make the customer's last step the end, or remove the flows.",
        ),
        "BP032": (
            "No flows: the blueprint is checked as a layered blueprint, column by column; "
            "the flow checks were skipped.",
            "Nothing to fix if each column is one moment of the journey. Draw flows between "
            "the steps to have the order of work and the journey time checked too.",
        ),
        "BP033": (
            "The customer's journey from start “{step}” never reaches an end.",
            "Draw the flows that lead on from the last step the customer reaches to the end "
            "of the journey.",
        ),
        "BP034": (
            "“{step}” is marked customer-independent, but a customer's journey runs through it.",
            "Clear the mark if the customer waits for this work; if it is preparation done "
            "beforehand, take it off the customer's path.",
        ),
        "BP040": (
            "The flow from “{source}” to “{target}” skips the line of visibility, and no "
            "remote channel is named: face to face the customer meets only the frontstage.",
            "If the customer reaches this step by phone, e-mail, chat, web or app (invisible "
            "contact), name that channel on the flow; if they meet someone in person, move "
            "the step to the frontstage.",
        ),
        "BP040.in_person": (
            "The flow from “{source}” to “{target}” is face to face but skips the line of "
            "visibility: whoever the customer meets in person is frontstage.",
            "Move the step to the frontstage; or, if the contact is really by phone, e-mail, "
            "chat, web or app, name that channel instead.",
        ),
        "BP041": (
            "Nobody meets the customer at “{step}”: no frontstage contact and no evidence.",
            "Connect it to the frontstage step that serves the customer, or link the "
            "evidence the customer uses there.",
        ),
        "BP042": (
            "Nothing in backstage or support stands behind frontstage step “{step}”.",
            "Add the preparation, system or colleague it relies on, if there is one.",
        ),
        "BP043": (
            "Customer action “{step}” has no physical evidence.",
            "Add an evidence card for what the customer sees or touches here, and link it.",
        ),
        "BP044": (
            "Evidence card “{card}” is tied to “{step}”, which the customer cannot see.",
            "Tie the evidence to the customer or frontstage step where the customer sees it.",
        ),
        "BP045": (
            "Nobody and nothing meets the customer at the {kind} step “{step}”: no frontstage "
            "contact and no evidence.",
            "Add the evidence the customer sees here (a sign, a confirmation, a bill) or the "
            "frontstage step that greets or sees off the customer.",
        ),
        "BP050": ("“{step}” has no actor.", "Name the role or department that does it."),
        "BP051": (
            "Hand-off from {from_actor} (“{source}”) to {to_actor} (“{target}”) across "
            "the line of internal interaction.",
            "Say in the description what is handed over and how fast, for the process spec.",
        ),
        "BP052": (
            "“{step}” has an emotion set, but it is not a customer step.",
            "Clear the emotion and record the customer's feeling on the customer step.",
        ),
        "BP053": (
            "Frontstage step “{step}” has no channel.",
            "Set the channel: in person, phone, web, app, mail, …",
        ),
        "BP060": (
            "Fail point “{step}” has no recovery flow.",
            "Draw a recovery flow to the steps that put things right when it fails.",
        ),
        "BP061": (
            "Moment of truth “{step}” has no {missing}.",
            "Write the standard the staff must meet here and set a target time.",
        ),
        "BP062": (
            "“{step}” is expected to take {duration}, longer than its target of {target}.",
            "Shorten the step or revise the standard.",
        ),
        "BP063": (
            "The customer's journey takes {total}, over the target of {target}: {path}.",
            "Shorten the steps on this path, or let some of them run in parallel.",
        ),
        "BP064": (
            "Wait step “{step}” has no duration.",
            "Enter how long the customer usually waits here.",
        ),
        "BP065": (
            "The customer feels bad (emotion {emotion}) at moment of truth “{step}”.",
            "Improving this step pays most: look at what goes wrong here.",
        ),
        "BP066": (
            "“{step}” is expected to take {duration}, beyond its tolerance of {tolerance}.",
            "Shorten the step, or plan for it: past the tolerance it costs the customer's "
            "patience and the service's profit.",
        ),
        "BP067": (
            "“{step}” is expected to take {duration}, over its target of {target} "
            "but within its tolerance of {tolerance}.",
            "Acceptable, but the standard is missed: look at what would bring it to target.",
        ),
        "BP069": (
            "The customer's journey takes {total}, beyond the tolerance of {tolerance}: {path}.",
            "Past the tolerance the service is no longer acceptable: shorten the steps on this "
            "path, or let some of them run in parallel.",
        ),
        "BP068": (
            "{count} customer steps and no fail point identified.",
            "Mark the steps where the service most often goes wrong as fail points, and draw "
            "their recovery.",
        ),
        "BP090": (
            "The setting “{key}: {value}” in the rules object is ignored: {problem}.",
            "Use a rule id (e.g. BP023) or name (e.g. dead-end) with off, error, warning or info.",
        ),
        "BP095": (
            "An unresolved merge conflict on “{name}”, {field}: ours “{ours}”, theirs "
            "“{theirs}”; the file keeps ours.",
            "Pick ours or theirs in the Conflicts panel (or edit the value), then save.",
        ),
        "BP095.item": (
            "An unresolved merge conflict: “{name}” was deleted on one side and changed on the "
            "other; the file keeps ours.",
            "Pick ours or theirs in the Conflicts panel, then save.",
        ),
    },
    "zh": {
        "BP001": ("有一条连线从“{step}”又连回了它自己。", "删除这条连线，或把它连到下一个步骤。"),
        "BP002": (
            "有形展示卡片“{step}”放在了“{lane}”泳道，而不在有形展示泳道。",
            "把它移到有形展示泳道；如果它其实是有人要做的工作，请修改它的类型。",
        ),
        "BP003": (
            "“{step}”位于有形展示泳道，类型却是{kind}，不是有形展示。",
            "把类型改为有形展示，或把它移到实际完成这项工作的泳道。",
        ),
        "BP004": (
            "{kind}步骤“{step}”不在顾客行为泳道。",
            "旅程应以顾客的行为开始和结束，请把该步骤移到顾客行为泳道。",
        ),
        "BP005": (
            "有一个{what}没有标题（ID：{id}）。",
            "给它起一个简短的标题，说明这里发生了什么。",
        ),
        "BP006": (
            "从“{source}”到“{target}”有 {count} 条同类连线。",
            "删掉多余的连线，只保留一条。",
        ),
        "BP007": (
            "在“{phase}”阶段，顾客没有任何行为。",
            "补上顾客在这一阶段的行为，或把这个阶段并入相邻阶段。",
        ),
        "BP008": (
            "卡片“{first}”和“{second}”在画布上重叠了。",
            "把其中一张横向挪开，或移到另一行。",
        ),
        "BP009": ("步骤“{step}”不属于任何阶段。", "把它放进它实际发生的那个旅程阶段。"),
        "BP010": (
            "“{source}”→“{target}”这条有形展示连线没有把有形展示卡片连到步骤上。",
            "步骤之间请用普通连线；有形展示连线应从有形展示卡片连到它所属的步骤。",
        ),
        "BP011": (
            "有形展示卡片“{step}”被连进了流程。",
            "把这条连线改成有形展示连线：有形展示卡片不是工作步骤。",
        ),
        "BP012": (
            "补救连线从“{step}”引出，但它没有标为失误点。",
            "把“{step}”标为失误点，或把这条连线改为普通连线。",
        ),
        "BP013": (
            "“{step}”离蓝图的其余部分很远。",
            "自动排列蓝图（Ctrl+Shift+L），或把这张卡片拖回其他卡片旁边。",
        ),
        "BP014": (
            "顾客行为泳道里没有任何步骤：蓝图没有表现顾客做了什么。",
            "在顾客行为泳道中从头到尾画出顾客的行为，员工的工作画在下方。",
        ),
        "BP014.no_lane": (
            "蓝图没有顾客行为泳道：没有表现顾客做了什么。",
            "添加顾客行为泳道，并在其中从头到尾画出顾客的行为。",
        ),
        "BP015": (
            "蓝图完全没有有形展示：看不出顾客看到、接触到或拿到了什么。",
            "在各个顾客步骤上方添加所属的有形展示卡片（标识、屏幕、单据、场所本身）。",
        ),
        "BP016": (
            "“{item}”引用的{what}“{id}”在蓝图中并不存在。",
            "把它改为引用一个已有的{what}，或者删除它。",
        ),
        "BP020": ("蓝图没有起点步骤。", "把顾客的第一个行为标为起点。"),
        "BP021": ("蓝图没有终点步骤。", "把顾客的最后一个行为标为终点。"),
        "BP022": ("从任何起点出发都到不了“{step}”。", "从它前面的步骤画一条连线指向它。"),
        "BP023": (
            "从“{step}”出发到不了任何终点，流程在这里断了。",
            "从它画一条连线到下一个步骤，让流程能走到终点。",
        ),
        "BP024": (
            "“{step}”没有任何连线。",
            "把它与前后的步骤连起来（有形展示卡片要连到所属步骤），或者删除它。",
        ),
        "BP025": (
            "{count} 个步骤构成了一个走不出去的循环：{steps}。",
            "从循环里引出一条通往终点的连线，比如顾客同意或放弃的时候。",
        ),
        "BP026": (
            "判断“{step}”只引出了 {count} 条连线，至少需要两条。",
            "为每种可能的结果各画一条连线，并在线上注明条件。",
        ),
        "BP027": (
            "判断“{step}”通往“{target}”的分支没有标注条件。",
            "在连线上写明走这条分支的条件（如“是”/“否”）。",
        ),
        "BP028": ("判断“{step}”有多个分支都标注为“{label}”。", "给每个分支写上各自不同的条件。"),
        "BP022.hidden": (
            "从任何起点出发都到不了“{step}”。",
            "如果这项工作不针对某位顾客（准备、采购、培训等），请把它标为与顾客无关的工作；"
            "否则从它前面的步骤画一条连线指向它。",
        ),
        "BP024.hidden": (
            "“{step}”没有任何连线。",
            "如果这项工作不针对某位顾客（准备、清洁、培训等），请把它标为与顾客无关的工作；"
            "否则把它连起来或删除。",
        ),
        "BP029": (
            "顾客步骤“{step}”不在顾客自己从起点到终点的路径上。",
            "在顾客行为泳道里，把它与顾客的上一个和下一个行为连起来。",
        ),
        "BP029.broken": (
            "顾客自己的路径走不到终点：在“{step}”之后就断了。",
            "补上顾客接下来做的事或接触到的前台环节（常常是一段等待），"
            "让顾客和前台步骤一路连到终点。",
        ),
        "BP030": (
            "起点步骤“{step}”有连线指向它。",
            "把这些连线改连到后面的步骤，或修改该步骤的类型。",
        ),
        "BP031": (
            "终点步骤“{step}”还有连线引出，把顾客又引向了后面的步骤。",
            "把顾客的最后一步设为终点，或删除这些连线。",
        ),
        "BP032": (
            "蓝图没有连线：按分层式蓝图逐列检查，已跳过流程检查。",
            "如果每一列就是旅程中的一个时刻，则无需修改；在步骤之间画上连线，"
            "即可同时检查工作顺序和旅程耗时。",
        ),
        "BP033": (
            "从起点“{step}”开始的顾客旅程始终到不了终点。",
            "从顾客到达的最后一步画出通往旅程终点的连线。",
        ),
        "BP034": (
            "“{step}”标为与顾客无关的工作，但有一条顾客旅程经过它。",
            "如果顾客要等这项工作完成，请取消该标记；如果它是事先完成的准备工作，请把它从顾客的路径上移开。",
        ),
        "BP040": (
            "从“{source}”到“{target}”的连线越过了可视分界线，且没有写明远程渠道："
            "面对面时顾客只接触前台。",
            "如果顾客是通过电话、邮件、在线聊天、网站或 App 联系这一步（不可见的接触），"
            "请在连线上写明渠道；如果是当面接触，请把该步骤移到前台。",
        ),
        "BP040.in_person": (
            "从“{source}”到“{target}”是面对面的接触，却越过了可视分界线：顾客当面接触的人属于前台。",
            "把该步骤移到前台；如果实际是通过电话、邮件、在线聊天、网站或 App 联系，请改写渠道。",
        ),
        "BP041": (
            "顾客在“{step}”这一步无人接待：既没有前台接触，也没有有形展示。",
            "把它连到为顾客提供服务的前台步骤，或连上顾客在这里用到的有形展示。",
        ),
        "BP042": (
            "前台步骤“{step}”背后没有任何后台或支持过程。",
            "如果它依赖某项准备工作、系统或同事，请补上。",
        ),
        "BP043": (
            "顾客行为“{step}”没有有形展示。",
            "为顾客在这里看到或接触到的东西添加一张有形展示卡片，并连上。",
        ),
        "BP044": (
            "有形展示卡片“{card}”连到了“{step}”，而顾客看不到这一步。",
            "把有形展示连到顾客能看到它的顾客步骤或前台步骤。",
        ),
        "BP045": (
            "在{kind}步骤“{step}”，没有任何人或物接待顾客：既没有前台接触，也没有有形展示。",
            "补上顾客在这里看到的有形展示（标识、确认单、账单），或迎接、送别顾客的前台步骤。",
        ),
        "BP050": ("“{step}”没有填写执行人。", "写明由哪个岗位或部门负责。"),
        "BP051": (
            "跨越内部互动分界线的交接：由{from_actor}（“{source}”）交给{to_actor}（“{target}”）。",
            "在说明里写清交接什么、多长时间内完成，供流程规范使用。",
        ),
        "BP052": (
            "“{step}”不是顾客步骤，却设置了情绪。",
            "清除情绪值；顾客的感受应记在顾客步骤上。",
        ),
        "BP053": ("前台步骤“{step}”没有填写渠道。", "填写渠道：面对面、电话、网站、App、邮件等。"),
        "BP060": ("失误点“{step}”没有补救连线。", "画一条补救连线，连到出错时负责挽回的步骤。"),
        "BP061": (
            "关键时刻“{step}”{missing}。",
            "写明员工在这里必须达到的服务标准，并设定时限目标。",
        ),
        "BP062": (
            "“{step}”预计耗时 {duration}，超过了 {target}的目标。",
            "缩短这一步骤，或重新审视服务标准。",
        ),
        "BP063": (
            "顾客旅程需要 {total}，超过了 {target}的目标：{path}。",
            "缩短这条路径上的步骤，或让其中一些步骤并行进行。",
        ),
        "BP064": ("等待步骤“{step}”没有填写时长。", "填写顾客在这里通常要等多久。"),
        "BP065": (
            "在关键时刻“{step}”，顾客的感受不好（情绪 {emotion}）。",
            "改进这一步收效最大，看看这里到底哪里出了问题。",
        ),
        "BP066": (
            "“{step}”预计耗时 {duration}，超出了 {tolerance}的容忍限度。",
            "缩短这一步骤，或为它做好安排：超出容忍限度会消耗顾客的耐心和服务的利润。",
        ),
        "BP067": (
            "“{step}”预计耗时 {duration}，超过了 {target}的目标，"
            "但仍在 {tolerance}的容忍限度之内。",
            "尚可接受，但没有达到服务标准：看看怎样才能达到目标。",
        ),
        "BP068": (
            "有 {count} 个顾客步骤，却没有标出任何失误点。",
            "把服务最常出错的步骤标为失误点，并画出补救路径。",
        ),
        "BP069": (
            "顾客旅程需要 {total}，超出了 {tolerance}的容忍限度：{path}。",
            "超出容忍限度，服务就不再可以接受：缩短这条路径上的步骤，或让其中一些步骤并行进行。",
        ),
        "BP090": (
            "规则设置“{key}: {value}”无效，已被忽略：{problem}。",
            "请使用规则编号（如 BP023）或名称（如 dead-end），取值为 off、error、warning 或 info。",
        ),
        "BP095": (
            "“{name}”的{field}有未解决的合并冲突：我方为“{ours}”，对方为“{theirs}”；文件暂时保留我方。",
            "在“冲突”面板中选择我方或对方（或直接修改取值），然后保存。",
        ),
        "BP095.item": (
            "“{name}”有未解决的合并冲突：一方删除了它，另一方修改了它；文件暂时保留我方。",
            "在“冲突”面板中选择我方或对方，然后保存。",
        ),
    },
}

#: Phrases that stand for a missing field or a bad setting, inside messages.
_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "standard": "written service standard",
        "target": "time target",
        "standard_and_target": "written service standard and no time target",
        "unknown_rule": "no rule has this id or name",
        "bad_value": "the value must be off, error, warning or info",
    },
    "zh": {
        "standard": "没有书面服务标准",
        "target": "没有时限目标",
        "standard_and_target": "既没有书面服务标准，也没有时限目标",
        "unknown_rule": "没有这个编号或名称的规则",
        "bad_value": "取值只能是 off、error、warning 或 info",
    },
}


def _terms(language: str) -> dict[str, str]:
    """Step kinds and parts by the glossary (lower case inside an English sentence)."""
    terms = {**{kind.value: term for kind, term in STEP_KINDS.items()}, **PARTS}
    named = {key: term.name(language) for key, term in terms.items()}
    if language == "en":
        named = {key: name.lower() for key, name in named.items()}
    return {**named, **_PHRASES[language]}


#: Words inside messages that themselves need translating, looked up for :class:`~.terms.Term`.
TERMS: dict[str, dict[str, str]] = {language: _terms(language) for language in LANGUAGES}


def language_key(language: str | None) -> str:
    """The catalogue for a BCP 47 tag: ``zh``, ``zh-CN``, ``zh-Hans`` → zh; others → en."""
    return glossary_language(language)
