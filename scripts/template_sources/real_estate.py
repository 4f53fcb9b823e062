# ruff: noqa: E501  (bilingual text data; CJK characters count double)
"""Real-estate sales office customer care: call-back within 48 hours of a first visit,
thank-you message after signing."""

from __future__ import annotations

from scripts.template_sources.dsl import IN_PERSON, NO, PHONE, SYSTEM, TEXT, YES, Source

CONSULTANT = ("Sales consultant", "置业顾问")
MANAGER = ("Sales manager", "销售经理")
CRM = ("CRM system", "客户管理系统")

source = Source(
    name="real-estate-sales",
    title=("Real-estate sales office customer care", "售楼处客户服务"),
    description=(
        "A family's path from a first visit to a new-home sales office to signing: every "
        "first-time visitor is called back within 48 hours (with the recovery when a call-back "
        "is missed), and every buyer gets a thank-you message after signing.",
        "一个家庭从首次到访售楼处到签约购房的服务蓝图：所有首访客户 48 小时内回访（含漏回访的补救），"
        "签约后向每位业主发送感谢信息。",
    ),
    customer=("Young family buying their first home", "首次置业的年轻家庭"),
    scenario=("First visit on a Sunday, second visit a week later", "周日首次到访，一周后再次到访"),
    target_minutes=10080,
)
s = source

s.phase("first-visit", ("First visit", "首次到访"))
s.evidence(
    "ev-office", 0, ("Sales office and site model", "售楼处、沙盘模型、迎宾饮品"), ["arrive"]
)
s.step(
    "arrive",
    "C",
    0,
    ("Visit the sales office", "到访售楼处"),
    kind="start",
    dur=5,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "greet",
    "F",
    0,
    ("Greet, register, assign consultant", "迎宾接待，登记来访，分配置业顾问"),
    actor=("Receptionist", "前台接待"),
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "crm",
    "S",
    0,
    ("CRM records the first visit", "客户管理系统登记首访及负责顾问"),
    actor=CRM,
    channel=SYSTEM,
    dur=1,
)
s.evidence(
    "ev-show-flat", 1, ("Show flat, floor plans, price list", "样板间、户型图、价格表"), ["tour"]
)
s.step(
    "tour",
    "C",
    1,
    ("Tour the show flat", "在顾问陪同下参观样板间"),
    dur=45,
    target=60,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "The consultant asks about the family's needs before showing anything, answers "
        "price and school questions openly and never pressures.",
        "顾问先了解家庭需求再带看，如实回答价格和学区问题，不施压、不逼单。",
    ),
)
s.step(
    "show",
    "F",
    1,
    ("Show the flat, answer questions", "带看样板间和小区，解答疑问"),
    actor=CONSULTANT,
    channel=IN_PERSON,
    dur=45,
)
s.step(
    "price-sheet",
    "B",
    1,
    ("Prepare the price sheet", "准备可售房源价格单"),
    actor=("Sales administrator", "销售内勤"),
    dur=10,
)

s.phase("follow-up", ("Follow-up", "回访跟进"))
s.evidence("ev-card", 2, ("Brochure and business card", "楼书和置业顾问名片"), ["think"])
s.step(
    "think",
    "C",
    2,
    ("Think it over at home", "回家考虑"),
    kind="wait",
    dur=1440,
    target=2880,
    emotion=0,
    standard=(
        "Every first-time visitor is called back within 48 hours of the visit.",
        "所有首访客户在到访后 48 小时内必须回访。",
    ),
)
s.step(
    "callback-task",
    "S",
    2,
    ("CRM sets a 48-hour call-back task", "系统生成 48 小时回访任务"),
    actor=CRM,
    channel=SYSTEM,
    dur=0,
)
s.step(
    "callback",
    "F",
    3,
    ("Call back, invite a second visit", "电话回访，解答遗留问题，邀约再次到访"),
    actor=CONSULTANT,
    channel=PHONE,
    dur=15,
    target=20,
    fail=True,
    description=("Call-backs are missed on busy weekends.", "周末客流大时容易漏回访。"),
)
s.step(
    "overdue",
    "B",
    3,
    ("Check overdue call-backs daily", "每天早上检查超时未回访的客户"),
    actor=MANAGER,
    dur=10,
)
s.step(
    "manager-call",
    "F",
    3,
    ("Call with an apology", "经理亲自致电致歉并解答问题"),
    row=1,
    actor=MANAGER,
    channel=PHONE,
    dur=15,
    target=20,
)
s.evidence(
    "ev-follow-up",
    3,
    ("Follow-up text with floor plans", "回访后发送的户型图和价格信息"),
    ["take-call", "come-back"],
)
s.step(
    "take-call",
    "C",
    3,
    ("Take the follow-up call", "接听回访电话"),
    dur=15,
    target=20,
    emotion=1,
    channel=PHONE,
    mot=True,
    standard=(
        "Called back within 48 hours of the first visit by the same consultant; open "
        "questions answered on the call or in writing the same day.",
        "首访后 48 小时内由同一位顾问回访；遗留问题当场或当天书面答复。",
    ),
)
s.step(
    "come-back",
    "C",
    4,
    ("Come back to choose a unit?", "是否再次到访选房？"),
    kind="decision",
    dur=5,
    emotion=0,
)
s.step(
    "mailing",
    "S",
    4,
    ("Marketing mailing list", "营销信息推送名单"),
    actor=("Marketing department", "市场部"),
    channel=SYSTEM,
    dur=0,
)

s.phase("reserve", ("Reservation", "选房认购"))
s.evidence("ev-deposit", 5, ("Reservation form, deposit receipt", "认购书和定金收据"), ["reserve"])
s.step(
    "reserve",
    "C",
    5,
    ("Choose a unit and pay the deposit", "选定房源，缴纳定金"),
    dur=60,
    target=90,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Unit availability confirmed in real time; deposit terms and refund rules "
        "explained in writing before payment.",
        "房源状态实时确认；付定金前书面说明定金条款和退订规则。",
    ),
)
s.step(
    "reserve-help",
    "F",
    5,
    ("Explain deposit and loan options", "确认房源，讲解定金条款和贷款方案"),
    actor=CONSULTANT,
    channel=IN_PERSON,
    dur=30,
)
s.step(
    "lock",
    "S",
    5,
    ("Sales system locks the unit", "销控系统锁定房源"),
    actor=("Sales control system", "销控系统"),
    channel=SYSTEM,
    dur=1,
)
s.evidence(
    "ev-newsletter",
    5,
    ("Newsletter and open-day invites", "每月楼盘资讯和开放日邀请"),
    ["stay-informed"],
    row=1,
)
s.step(
    "newsletter",
    "F",
    5,
    ("Send new releases and invites", "推送新房源信息和开放日邀请"),
    row=1,
    actor=CONSULTANT,
    channel=TEXT,
    dur=2,
)
s.step(
    "stay-informed",
    "C",
    5,
    ("Ask to hear about new releases", "希望以后收到新房源信息"),
    row=1,
    kind="end",
    dur=2,
    emotion=0,
    channel=TEXT,
)

s.phase("sign", ("Signing and after", "签约及签约后"))
s.evidence("ev-contract", 6, ("Contract and signing room", "购房合同、安静的签约室"), ["sign"])
s.step(
    "sign",
    "C",
    6,
    ("Sign the purchase contract", "签订购房合同"),
    dur=60,
    target=90,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Contract explained clause by clause in plain words; the buyer may take a copy "
        "home before signing.",
        "逐条用通俗的话讲解合同条款；客户可在签约前把合同带回家细看。",
    ),
)
s.step(
    "loan",
    "B",
    6,
    ("Prepare contract and mortgage", "准备合同文本和按揭资料"),
    actor=("Contract administrator", "签约专员"),
    dur=30,
)
s.step(
    "sign-guide",
    "F",
    6,
    ("Go through the contract, sign", "陪同客户逐条确认合同并签约"),
    actor=("Contract specialist", "签约顾问"),
    channel=IN_PERSON,
    dur=60,
)
s.step(
    "crm-sale",
    "S",
    7,
    ("CRM records the sale", "系统登记成交，设置交房提醒"),
    actor=CRM,
    channel=SYSTEM,
    dur=1,
)
s.step(
    "thank",
    "F",
    7,
    ("Send a thank-you message", "签约后 24 小时内发送感谢信息"),
    actor=CONSULTANT,
    channel=TEXT,
    dur=5,
    target=1440,
    standard=(
        "Every buyer receives a personal thank-you message from their consultant "
        "within 24 hours of signing.",
        "每位业主签约后 24 小时内收到置业顾问的个人感谢信息。",
    ),
)
s.evidence("ev-thanks", 7, ("Thank-you text and gift card", "感谢短信与业主欢迎礼卡"), ["thanks"])
s.step(
    "thanks",
    "C",
    7,
    ("Receive the thank-you message", "收到感谢信息"),
    kind="end",
    dur=1,
    emotion=2,
    channel=TEXT,
)

s.flow("arrive", "tour", "think", "take-call", "come-back")
s.flow("come-back", "reserve", label=YES)
s.flow("come-back", "stay-informed", label=NO)
s.flow("reserve", "sign", "thanks")
s.flow("arrive", "greet", "crm", "price-sheet", "show", "tour")
s.flow("show", "think")
s.flow("crm", "callback-task", "callback", "take-call")
s.flow("callback", "come-back")
s.recovery("callback", "overdue", label=("no call within 48 hours", "48 小时内未回访"))
s.flow("overdue", "manager-call", "take-call")
s.flow("crm", "mailing", "newsletter", "stay-informed")
s.flow("reserve", "reserve-help", "lock", "loan", "sign-guide", "crm-sale", "thank", "thanks")
s.flow("sign", "sign-guide")

s.note(
    ("48-hour call-back rate: reviewed every Monday.", "每周一销售例会通报 48 小时回访率。"),
    440,
    -80,
    "think",
)
