# ruff: noqa: E501  (bilingual text data; CJK characters count double)
"""Home broadband installation: order, slot, engineer visit, line test, Wi-Fi that works."""

from __future__ import annotations

from scripts.template_sources.dsl import IN_PERSON, NO, PHONE, SYSTEM, TEXT, WEB, YES, Source

ONLINE = ("Online sales team", "线上营业厅")
ENGINEER = ("Installation engineer", "装维工程师")

source = Source(
    name="broadband-installation",
    title=("Broadband installation", "家庭宽带安装"),
    description=(
        "Home fibre broadband from the coverage check to working Wi-Fi: online order, a two-hour "
        "installation slot, the engineer's visit (with the late-arrival recovery), the line-test "
        "decision with the cabinet repair, router set-up and the first bill explained.",
        "家庭光纤宽带从查询覆盖到 Wi-Fi 正常使用的服务蓝图：线上下单、预约两小时上门时段、工程师上门"
        "（含迟到补救）、线路测试不通过时的分线箱维修、路由器调试以及首月账单说明。",
    ),
    customer=("Household that just moved into a flat", "刚搬进新家的住户"),
    scenario=("Order on the website, installation three days later", "网上下单，三天后上门安装"),
    target_minutes=5760,
)
s = source

s.phase("order", ("Order", "查询下单"))
s.evidence("ev-coverage", 0, ("Coverage checker on the website", "官网宽带覆盖查询页"), ["check"])
s.step(
    "check",
    "C",
    0,
    ("Check coverage at the address", "查询住址能装的宽带和网速"),
    kind="start",
    dur=3,
    emotion=0,
    channel=WEB,
)
s.step(
    "coverage-page",
    "F",
    0,
    ("Show plans and speeds available", "显示该地址可办理的套餐和网速"),
    actor=ONLINE,
    channel=WEB,
    dur=1,
)
s.step(
    "coverage-db",
    "S",
    0,
    ("Network coverage database", "网络资源覆盖数据库"),
    actor=("Network planning", "网络规划部"),
    channel=SYSTEM,
    dur=0,
)
s.evidence("ev-order", 1, ("Plan page and order confirmation", "套餐对比页与订单确认"), ["order"])
s.step(
    "order",
    "C",
    1,
    ("Choose a plan and order", "选择套餐并下单"),
    dur=8,
    target=10,
    emotion=1,
    channel=WEB,
    mot=True,
    standard=(
        "Price, speed and contract length on one screen; the order is confirmed within "
        "2 minutes with installation slots to choose from.",
        "价格、网速和合约期在一个页面讲清楚；2 分钟内确认订单并给出可选的安装时段。",
    ),
)
s.step(
    "confirm",
    "F",
    1,
    ("Confirm order, offer install slots", "确认订单，提供可预约的安装时段"),
    actor=ONLINE,
    channel=WEB,
    dur=1,
)
s.step(
    "order-mgmt",
    "S",
    1,
    ("Order management and credit check", "订单管理与信用审核"),
    actor=("Order system", "订单系统"),
    channel=SYSTEM,
    dur=1,
)

s.phase("schedule", ("Scheduling", "预约派单"))
s.evidence(
    "ev-slot", 2, ("Slot picker and confirmation text", "时段选择页与预约成功短信"), ["slot"]
)
s.step(
    "slot",
    "C",
    2,
    ("Pick a two-hour installation slot", "预约两小时的上门时段"),
    dur=2,
    emotion=0,
    channel=WEB,
)
s.step(
    "workforce",
    "S",
    2,
    ("Workforce scheduling system", "装维调度系统"),
    actor=("Field operations", "装维调度中心"),
    channel=SYSTEM,
    dur=0,
)
s.step(
    "dispatch",
    "B",
    2,
    ("Assign engineer, reserve a port", "派单给工程师，预占分线箱端口"),
    actor=("Field service dispatcher", "派单调度员"),
    dur=15,
    target=30,
)
s.evidence(
    "ev-reminder", 3, ("Reminder with engineer's photo", "含工程师姓名和照片的提醒短信"), ["wait"]
)
s.step(
    "wait",
    "C",
    3,
    ("Wait for the installation day", "等待上门安装"),
    kind="wait",
    dur=2880,
    target=4320,
    emotion=0,
)
s.step(
    "reminder",
    "F",
    3,
    ("Send a reminder the day before", "上门前一天发送提醒"),
    actor=("Customer service", "客服中心"),
    channel=TEXT,
    dur=0.5,
)
s.step(
    "kit",
    "B",
    3,
    ("Prepare router and cables", "备好光猫、路由器和线材"),
    actor=("Warehouse", "仓库"),
    dur=20,
)

s.phase("install", ("Installation", "上门安装"))
s.evidence(
    "ev-engineer", 4, ("ID badge, branded van, shoe covers", "工程师工牌、工程车、鞋套"), ["let-in"]
)
s.step(
    "let-in",
    "C",
    4,
    ("Let the engineer in", "开门迎接工程师"),
    dur=5,
    target=5,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "The engineer arrives within the booked two-hour slot, calls 30 minutes ahead, "
        "shows ID and wears shoe covers.",
        "工程师在预约的两小时内到达，提前 30 分钟电话联系，出示工牌，进门穿鞋套。",
    ),
)
s.step(
    "arrive-eng",
    "F",
    4,
    ("Call ahead, arrive in the slot", "提前致电，准时上门"),
    actor=ENGINEER,
    channel=PHONE,
    dur=5,
    fail=True,
    description=("Earlier jobs overrun and the engineer is late.", "前一单超时，导致工程师迟到。"),
)
s.step(
    "rebook",
    "F",
    4,
    ("Call with new time, credit a month", "主动致电告知新的到达时间，并赠送一个月月租"),
    row=1,
    actor=("Field service dispatcher", "派单调度员"),
    channel=PHONE,
    dur=5,
    target=10,
)
s.evidence("ev-router", 5, ("Router and a tidy cable run", "路由器与整齐的走线"), ["watch"])
s.step(
    "watch",
    "C",
    5,
    ("Show where the router should go", "告诉工程师路由器放在哪里"),
    dur=10,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "line-test",
    "F",
    5,
    ("Line test passed?", "线路测试是否通过？"),
    kind="decision",
    actor=ENGINEER,
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "fix-line",
    "B",
    5,
    ("Repair the line at the cabinet", "到分线箱排查修复线路"),
    actor=("Network engineer", "线路维护工程师"),
    dur=45,
    target=60,
)
s.step(
    "noc",
    "S",
    5,
    ("Network centre activates the port", "网管中心激活端口"),
    actor=("Network operations centre", "网管中心"),
    channel=SYSTEM,
    dur=5,
)

s.phase("activate", ("Activation and follow-up", "开通回访"))
s.evidence(
    "ev-speed", 6, ("Speed test, Wi-Fi password card", "测速结果、Wi-Fi 名称和密码卡"), ["test"]
)
s.step(
    "test",
    "C",
    6,
    ("Test the Wi-Fi on your own devices", "用自己的手机测试 Wi-Fi"),
    dur=10,
    target=15,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "The speed test runs on the customer's own phone in every room they use; the "
        "engineer does not leave until it works.",
        "在顾客常用的每个房间用顾客自己的手机测速；网络不正常，工程师不离开。",
    ),
)
s.step(
    "router-setup",
    "F",
    6,
    ("Set up Wi-Fi, speed test together", "调试路由器和 Wi-Fi，与顾客一起测速"),
    actor=ENGINEER,
    channel=IN_PERSON,
    dur=20,
)
s.step(
    "billing",
    "S",
    7,
    ("Billing starts at activation", "计费系统从开通日起计费"),
    actor=("Billing system", "计费系统"),
    channel=SYSTEM,
    dur=1,
)
s.step(
    "explain",
    "F",
    7,
    ("Explain the first bill", "讲解首月账单，留下联系方式"),
    actor=ENGINEER,
    channel=IN_PERSON,
    dur=5,
)
s.evidence(
    "ev-job-sheet", 7, ("Job sheet and survey text", "签字的安装工单与满意度回访短信"), ["finish"]
)
s.step(
    "finish",
    "C",
    7,
    ("Sign off the job", "签字确认完工"),
    kind="end",
    dur=3,
    emotion=1,
    channel=IN_PERSON,
)

s.flow("check", "order", "slot", "wait", "let-in", "watch", "test", "finish")
s.flow("check", "coverage-page", "coverage-db", "confirm")
s.flow("order", "confirm", "order-mgmt", "workforce", "dispatch", "kit", "arrive-eng", "let-in")
s.flow("confirm", "slot")
s.flow("dispatch", "reminder", "wait")
s.recovery("arrive-eng", "rebook", label=("engineer running late", "工程师将迟到"))
s.flow("rebook", "let-in")
s.flow("rebook", "billing")
s.flow("arrive-eng", "noc", "line-test")
s.flow("watch", "line-test")
s.flow("line-test", "router-setup", label=YES)
s.flow("line-test", "fix-line", label=NO)
s.flow("fix-line", "router-setup", "test")
s.flow("router-setup", "billing", "explain", "finish")

s.note(
    (
        "Repeat visits: check the cabinet port at dispatch.",
        "返工大多源于线路测试不通过：派单时就先核查分线箱端口。",
    ),
    1100,
    -80,
    "line-test",
)
