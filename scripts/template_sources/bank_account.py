"""Bank branch account opening, with the ID check decision and a screening fail point."""

from __future__ import annotations

from scripts.template_sources.dsl import IN_PERSON, NO, SYSTEM, TEXT, YES, Source

OFFICER = ("Account officer", "柜员")
LOBBY = ("Lobby manager", "大堂经理")

source = Source(
    name="bank-account-opening",
    title=("Bank branch account opening", "银行网点开户"),
    description=(
        "Opening a personal current account with a debit card at a bank branch: queue ticket, "
        "ID check (with the decision when the ID does not pass), anti-money-laundering "
        "screening, contract, PIN, card and mobile banking in one visit.",
        "个人客户在银行网点开立借记卡账户的服务蓝图：取号排队、身份核验（核验不通过时的处理）、"
        "反洗钱筛查、签约、设密、当场领卡并开通手机银行，一次办结。",
    ),
    customer=("New customer who moved to the city", "刚来本市工作的新客户"),
    scenario=("Saturday morning walk-in, no appointment", "周六上午，未预约直接到网点"),
    target_minutes=90,
    # Saturday morning: the simulation shows whether two account officers call every customer
    # within the 15-minute standard
    arrivals={
        "schedule": [
            {"from": "09:00", "to": "10:00", "per_hour": 10},
            {"from": "10:00", "to": "12:00", "per_hour": 16},
        ]
    },
    resources=[
        ("officer", ("Account officers", "开户柜员"), 2),
        ("compliance", ("Compliance officer", "合规专员"), 1),
    ],
)
s = source

s.phase("arrive", ("Arrival", "到店取号"))
s.evidence(
    "ev-lobby",
    0,
    ("Ticket machine and number screen", "网点门头、取号机、等候座椅与叫号屏"),
    ["enter", "wait"],
)
s.step(
    "enter",
    "C",
    0,
    ("Enter and ask to open an account", "进入网点，说明要开户"),
    kind="start",
    dur=1,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "greet",
    "F",
    0,
    ("Greet, pre-check ID, issue ticket", "迎候客户，预审证件，协助取号"),
    actor=LOBBY,
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "queue-sys",
    "S",
    0,
    ("Queue system issues the number", "排队叫号系统出号"),
    actor=("Queue management system", "排队叫号系统"),
    channel=SYSTEM,
    dur=0,
)
s.step(
    "wait",
    "C",
    1,
    ("Wait for the number to be called", "等候叫号"),
    kind="wait",
    dur=1,
    target=15,
    emotion=-1,
    description=(
        "Taking a seat; how long customers wait to be called comes from the officers' load "
        "(blueprint simulate).",
        "取号入座的时间；等候叫号的时长由柜员的忙碌程度决定（blueprint simulate）。",
    ),
)

s.phase("verify", ("ID check", "身份核验"))
s.evidence(
    "ev-desk", 2, ("Counter, name plate, leaflet", "柜台、柜员工号牌、产品折页"), ["explain"]
)
s.step(
    "explain",
    "C",
    2,
    ("Explain the need, hand over ID", "说明需求，递交身份证"),
    dur=5,
    range=[3, 12],
    target=5,
    resource="officer",
    wait_target=15,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Called within 15 minutes; the officer introduces themself, confirms the need "
        "and checks the ID within 5 minutes.",
        "15 分钟内叫号；柜员主动自我介绍，5 分钟内确认需求并完成证件审核。",
    ),
)
s.step(
    "check-id",
    "F",
    2,
    ("Check the ID against the face", "审核身份证，人证比对"),
    actor=OFFICER,
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "id-verify",
    "S",
    2,
    ("National ID database check", "联网核查公民身份信息"),
    actor=("ID verification service", "联网核查系统"),
    channel=SYSTEM,
    dur=1,
)
s.step(
    "id-ok",
    "F",
    3,
    ("ID genuine and matching?", "身份核验是否通过？"),
    kind="decision",
    actor=OFFICER,
    channel=IN_PERSON,
    dur=0.5,
)
s.step(
    "missing",
    "F",
    3,
    ("Say what's missing, book a return", "说明缺少的材料，预约下次办理时间"),
    row=1,
    actor=OFFICER,
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "appointment",
    "S",
    3,
    ("Appointment booking system", "网点预约系统"),
    actor=("Appointment system", "预约系统"),
    channel=SYSTEM,
    dur=1,
)

s.phase("open", ("Account opening", "开户签约"))
s.step(
    "screening",
    "B",
    4,
    ("Anti-money-laundering screening", "反洗钱与制裁名单筛查"),
    actor=("Back-office clerk", "后台运营人员"),
    dur=2,
    target=5,
    fail=True,
    failure_rate=0.1,
    description=(
        "A common name often gives a false match and stops the opening.",
        "常见姓名容易误命中名单，导致开户中断。",
    ),
)
s.step(
    "clear-match",
    "B",
    4,
    ("Clear the match by phone at once", "合规专员当场电话复核，排除误命中"),
    row=1,
    actor=("Compliance officer", "合规专员"),
    dur=15,
    range=[8, 30],
    target=20,
    resource="compliance",
)
s.evidence("ev-contract", 4, ("Account contract and fee schedule", "开户协议与收费标准"), ["sign"])
s.step(
    "terms",
    "F",
    4,
    ("Explain the contract and fees", "打印协议，讲解收费与条款"),
    actor=OFFICER,
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "sign",
    "C",
    4,
    ("Read and sign the contract", "阅读并签署开户协议"),
    dur=5,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "open-account",
    "B",
    5,
    ("Open the account and link the card", "开立账户并绑定借记卡"),
    actor=("Back-office clerk", "后台运营人员"),
    dur=3,
)
s.step(
    "core",
    "S",
    5,
    ("Core banking creates the account", "核心系统生成账号"),
    actor=("Core banking system", "核心业务系统"),
    channel=SYSTEM,
    dur=1,
)
s.evidence("ev-pinpad", 5, ("PIN pad with privacy shield", "带防窥罩的密码键盘"), ["set-pin"])
s.step(
    "pin-guide",
    "F",
    5,
    ("Guide the customer to set the PIN", "引导客户设置密码"),
    actor=OFFICER,
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "set-pin", "C", 5, ("Set the card PIN", "设置银行卡密码"), dur=2, emotion=0, channel=IN_PERSON
)

s.phase("handover", ("Card and app", "领卡开通"))
s.step(
    "card-print",
    "S",
    6,
    ("Card printed on the spot", "发卡机现场制卡"),
    actor=("Card issuing", "发卡系统"),
    channel=SYSTEM,
    dur=3,
)
s.evidence(
    "ev-card", 6, ("Debit card, welcome pack, app", "借记卡、开户资料袋、手机银行 App"), ["receive"]
)
s.step(
    "hand-card",
    "F",
    6,
    ("Hand over card, set up the app", "交付银行卡，陪同客户开通手机银行"),
    actor=OFFICER,
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "receive",
    "C",
    6,
    ("Get the card, log in to the app", "领取银行卡，登录手机银行"),
    dur=5,
    target=10,
    emotion=2,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Card in hand and the app working before the customer leaves; the whole visit "
        "under 90 minutes.",
        "客户离开前银行卡到手、手机银行可用；整个办理过程不超过 90 分钟。",
    ),
)
s.step(
    "sms",
    "S",
    7,
    ("SMS platform sends account details", "短信平台发送开户成功通知"),
    actor=("Messaging platform", "短信平台"),
    channel=TEXT,
    dur=0.5,
)
s.evidence("ev-text", 7, ("Welcome text with account details", "开户成功短信"), ["leave"])
s.step(
    "farewell",
    "F",
    7,
    ("See off, invite feedback", "送别客户，邀请评价"),
    actor=LOBBY,
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "leave",
    "C",
    7,
    ("Leave the branch", "离开网点"),
    kind="end",
    dur=1,
    emotion=1,
    channel=IN_PERSON,
)

s.flow("enter", "wait", "explain", "sign", "set-pin", "receive", "leave")
s.flow("enter", "greet", "queue-sys", "check-id")
s.flow("greet", "wait")
s.flow("explain", "check-id", "id-verify", "id-ok")
s.flow("id-ok", "screening", label=YES)
s.probability("id-ok", "screening", 0.92)
s.flow("id-ok", "missing", label=NO)
s.flow("missing", "appointment", "farewell")
s.flow("missing", "leave")
s.flow("screening", "terms", "sign")
s.recovery("screening", "clear-match", label=("possible name match", "疑似命中名单"))
s.flow("clear-match", "terms")
s.flow("terms", "open-account", "pin-guide", "set-pin")
s.flow("open-account", "core", "card-print", "hand-card", "receive")
s.flow("core", "sms", "farewell", "leave")

s.note(
    (
        "Saturday 9-12: a second officer opens accounts.",
        "周六上午客流最大：9:00-12:00 安排第二名柜员专办开户。",
    ),
    0,
    -80,
)
