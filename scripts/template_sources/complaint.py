"""Customer complaint handling and service recovery: answer at once, route to every department
involved, report back to the customer."""

from __future__ import annotations

from scripts.template_sources.dsl import EMAIL, NO, PHONE, SYSTEM, TEXT, YES, Source

HANDLER = ("Complaint handler", "投诉专员")
COORDINATOR = ("Complaints coordinator", "投诉协调员")
MANAGER = ("Complaints manager", "客户关系经理")

source = Source(
    name="complaint-handling",
    title=("Complaint handling and service recovery", "顾客投诉处理与服务补救"),
    description=(
        "A customer complains that a washing machine arrived dented and was charged twice: the "
        "complaint is answered at once, routed to every department involved (logistics, quality, "
        "finance), and the customer hears back within 48 hours, with an escalation path when "
        "the remedy is not enough.",
        "顾客投诉洗衣机送货时磕碰变形且被重复扣款：投诉当即受理，同时转交所有相关部门（物流、质量、"
        "财务），48 小时内向顾客反馈处理结果；顾客不满意时还有升级处理的路径。",
    ),
    customer=("Customer of a home-appliance retailer", "家电零售商的顾客"),
    scenario=("Complaint by phone the day after delivery", "送货次日打电话投诉"),
    target_minutes=4320,
)
s = source

s.phase("receive", ("Complaint received", "投诉受理"))
s.evidence(
    "ev-hotline", 0, ("Hotline on receipt and website", "小票和官网上的投诉热线"), ["contact"]
)
s.step(
    "contact",
    "C",
    0,
    ("Call the hotline to complain", "拨打热线投诉"),
    kind="start",
    dur=1,
    emotion=-2,
    channel=PHONE,
)
s.step(
    "answer",
    "F",
    0,
    ("Answer at once, with no menu maze", "即时接听，不让顾客层层按键"),
    actor=HANDLER,
    channel=PHONE,
    dur=0.5,
    target=0.5,
)
s.evidence(
    "ev-case",
    1,
    ("Case number and call-back text", "含投诉编号、专员姓名和回电时间的短信"),
    ["explain"],
)
s.step(
    "explain",
    "C",
    1,
    ("Explain what went wrong", "讲述问题经过"),
    dur=8,
    target=10,
    emotion=-1,
    channel=PHONE,
    mot=True,
    standard=(
        "Answered at once: a person picks up within 20 seconds, listens without "
        "interrupting, apologises and owns the case; no transfer without a warm hand-over.",
        "即时响应：20 秒内人工接听，耐心倾听不打断，先致歉并负责到底；确需转接时须当面交接，"
        "不让顾客重复讲述。",
    ),
)
s.step(
    "listen",
    "F",
    1,
    ("Listen, apologise, record facts", "倾听并致歉，记录事实与照片"),
    actor=HANDLER,
    channel=PHONE,
    dur=8,
)
s.step(
    "crm",
    "S",
    1,
    ("CRM opens a case", "投诉管理系统建立工单"),
    actor=("CRM system", "客户关系管理系统"),
    channel=SYSTEM,
    dur=0.5,
)

s.phase("investigate", ("Routing and investigation", "分派调查"))
s.step(
    "promise",
    "F",
    2,
    ("Promise a call-back within 48 h", "告知投诉编号，承诺 48 小时内回电"),
    actor=HANDLER,
    channel=PHONE,
    dur=1,
)
s.step(
    "route",
    "B",
    2,
    ("Route to every department involved", "把工单同时派给所有相关部门，限 24 小时内答复"),
    actor=COORDINATOR,
    dur=15,
    target=30,
)
s.evidence("ev-progress", 3, ("Progress text after 24 hours", "24 小时进度短信"), ["wait"])
s.step(
    "wait",
    "C",
    3,
    ("Wait for the answer", "等待处理结果"),
    kind="wait",
    dur=1440,
    target=2880,
    emotion=-1,
)
s.step(
    "progress",
    "F",
    3,
    ("Progress update after 24 hours", "24 小时内主动告知处理进度"),
    actor=HANDLER,
    channel=TEXT,
    dur=2,
)
s.step(
    "logistics",
    "S",
    3,
    ("Logistics checks the delivery", "物流部核查送货记录和照片"),
    actor=("Logistics department", "物流部"),
    dur=60,
    target=120,
)
s.step(
    "quality",
    "S",
    3,
    ("Quality decides repair or replace", "质量部确定维修或换新"),
    row=1,
    actor=("Quality department", "质量部"),
    dur=60,
    target=120,
)
s.step(
    "billing",
    "S",
    3,
    ("Finance reverses double charge", "财务部核实并退回重复扣款"),
    row=2,
    actor=("Finance department", "财务部"),
    dur=30,
    target=120,
)
s.step(
    "collect",
    "B",
    4,
    ("Collect findings, agree remedy", "汇总各部门结论，确定补救方案"),
    actor=COORDINATOR,
    dur=30,
    target=60,
    fail=True,
    description=(
        "Fails when a department misses its 24-hour deadline.",
        "某个部门未在 24 小时内答复时，流程会卡住。",
    ),
)
s.step(
    "chase",
    "B",
    4,
    ("Escalate to the department head", "升级到部门负责人，重新设定完成时限"),
    row=1,
    actor=MANAGER,
    dur=20,
    target=30,
)

s.phase("report", ("Report back", "结果反馈"))
s.step(
    "callback",
    "F",
    5,
    ("Call back: cause, remedy, apology", "回电说明原因、补救方案并再次致歉"),
    actor=HANDLER,
    channel=PHONE,
    dur=10,
    target=15,
)
s.evidence(
    "ev-remedy",
    5,
    ("Apology letter, refund note", "致歉信、换新日期、退款凭证"),
    ["hear", "satisfied"],
)
s.step(
    "hear",
    "C",
    5,
    ("Hear the cause and the remedy", "听取处理结果"),
    dur=10,
    target=15,
    emotion=0,
    channel=PHONE,
    mot=True,
    standard=(
        "Reported back within 48 hours of the complaint with the cause, the remedy and "
        "an apology, by the handler who took the complaint.",
        "投诉后 48 小时内，由受理的专员本人回电，讲清原因、补救方案并致歉。",
    ),
)
s.step(
    "satisfied",
    "C",
    6,
    ("Satisfied with the remedy?", "对补救方案是否满意？"),
    kind="decision",
    dur=2,
    emotion=0,
)
s.evidence(
    "ev-manager", 7, ("Manager's written final offer", "经理直线电话与书面最终方案"), ["escalate"]
)
s.step(
    "escalate",
    "C",
    7,
    ("Ask for the complaints manager", "要求经理出面处理"),
    dur=10,
    emotion=-1,
    channel=PHONE,
)
s.step(
    "manager",
    "F",
    7,
    ("Review, make a final offer", "复核工单，给出最终解决方案"),
    actor=MANAGER,
    channel=PHONE,
    dur=15,
    target=30,
)
s.step(
    "goodwill",
    "S",
    7,
    ("Approve the goodwill voucher", "审批补偿代金券"),
    actor=("Finance department", "财务部"),
    channel=SYSTEM,
    dur=5,
)

s.phase("close", ("Close and learn", "结案改进"))
s.step(
    "crm-close",
    "S",
    8,
    ("Close case, log the root cause", "工单结案，根本原因纳入月度质量分析"),
    actor=("CRM system", "客户关系管理系统"),
    channel=SYSTEM,
    dur=1,
)
s.step(
    "summary",
    "F",
    8,
    ("Send summary, thank the customer", "发送书面处理小结，感谢顾客反馈"),
    actor=HANDLER,
    channel=EMAIL,
    dur=5,
)
s.evidence(
    "ev-summary",
    8,
    ("Summary email, new machine", "处理小结邮件、换新的洗衣机、满意度回访"),
    ["close"],
)
s.step(
    "close",
    "C",
    8,
    ("Get summary and replacement", "收到处理小结和换新产品"),
    kind="end",
    dur=2,
    emotion=1,
    channel=EMAIL,
)

s.flow("contact", "explain", "wait", "hear", "satisfied")
s.flow("satisfied", "close", label=YES)
s.flow("satisfied", "escalate", label=NO)
s.flow("escalate", "close")
s.flow("contact", "answer", "explain")
s.flow("answer", "crm")
s.flow("explain", "listen", "crm", "promise", "wait")
s.flow("crm", "route", "progress", "wait")
s.flow("route", "logistics", "collect")
s.flow("route", "quality", "collect")
s.flow("route", "billing", "collect")
s.recovery("collect", "chase", label=("deadline missed", "部门超时未答复"))
s.flow("chase", "callback")
s.flow("collect", "callback", "hear")
s.flow("callback", "satisfied")
s.flow("callback", "crm-close")
s.flow("escalate", "manager", "goodwill", "crm-close", "summary", "close")
s.flow("manager", "close")

s.note(
    (
        "1 in 4 customers is unhappy: make complaining easy.",
        "约四分之一的顾客会有不同程度的不满：让投诉变得容易。",
    ),
    0,
    -80,
)
s.note(
    (
        "All departments get the case at once, not in turn.",
        "所有相关部门同时收到工单，而不是逐个转交。",
    ),
    660,
    -80,
    "route",
)
