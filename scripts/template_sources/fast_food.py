# ruff: noqa: E501  (bilingual text data; CJK characters count double)
"""Fast-food counter service: a 3-minute queue standard, menus handed out along the queue at peak."""

from __future__ import annotations

from scripts.template_sources.dsl import IN_PERSON, NO, SYSTEM, YES, Source

MANAGER = ("Shift manager", "值班经理")
CASHIER = ("Cashier", "收银员")
KITCHEN = ("Kitchen crew", "厨房员工")

source = Source(
    name="fast-food-counter",
    title=("Fast-food counter service", "快餐柜台点餐服务"),
    description=(
        "Ordering at the counter of a fast-food restaurant at lunchtime: no customer queues more "
        "than 3 minutes, and at peak staff hand out menus along the queue and open a second "
        "till; a wrong or missing item is remade with priority.",
        "午餐高峰时快餐店柜台点餐的服务蓝图：顾客排队不超过 3 分钟；高峰期员工在队伍中派发菜单、"
        "加开收银台；出餐错漏时优先补做。",
    ),
    customer=("Office worker on a lunch break", "午休时间的上班族"),
    scenario=("Weekday lunch peak, eat in", "工作日午餐高峰，堂食"),
    target_minutes=35,
    # the lunch peak: the simulation shows how many tills keep the 3-minute queue standard
    arrivals={
        "schedule": [
            {"from": "11:00", "to": "11:30", "per_hour": 50},
            {"from": "11:30", "to": "13:30", "per_hour": 90},
            {"from": "13:30", "to": "14:00", "per_hour": 40},
        ]
    },
    resources=[
        ("till", ("Tills with a cashier", "有收银员的收银台"), 3),
        ("kitchen", ("Kitchen crew", "厨房员工"), 5),
    ],
)
s = source

s.phase("arrive", ("Arrive and queue", "进店排队"))
s.evidence("ev-door", 0, ("Shop front and window menu", "店面门头、营业时间与橱窗菜单"), ["enter"])
s.step(
    "enter",
    "C",
    0,
    ("Walk into the restaurant", "走进餐厅"),
    kind="start",
    dur=0.5,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "watch",
    "F",
    0,
    ("Watch the queue length", "留意排队人数"),
    actor=MANAGER,
    channel=IN_PERSON,
    dur=0.5,
)
s.step(
    "queue-time",
    "S",
    0,
    ("Ordering system shows the wait", "点餐系统实时显示等候时长"),
    actor=("Ordering system", "点餐系统"),
    channel=SYSTEM,
    dur=0,
)
s.evidence(
    "ev-queue",
    1,
    ("Queue rail, menus at peak", "排队护栏、头顶菜单牌、高峰期的纸质菜单"),
    ["queue"],
)
s.step(
    "queue",
    "C",
    1,
    ("Queue for the counter", "排队等候点餐"),
    kind="wait",
    dur=0.5,
    target=3,
    emotion=-1,
    mot=True,
    description=(
        "The time to walk the queue rail; how long customers wait for a till comes from the "
        "tills' load (blueprint simulate).",
        "沿排队护栏走到收银台的时间；等候收银台的时长由收银台的忙碌程度决定（blueprint simulate）。",
    ),
    standard=(
        "No customer queues more than 3 minutes; when the queue passes 3 minutes, staff "
        "hand out menus along the queue and a second till opens.",
        "顾客排队不超过 3 分钟；排队超过 3 分钟时，员工到队伍中派发菜单，并加开一个收银台。",
    ),
)
s.step(
    "peak",
    "F",
    1,
    ("Queue longer than 3 minutes?", "排队是否超过 3 分钟？"),
    kind="decision",
    actor=MANAGER,
    channel=IN_PERSON,
    dur=0.2,
)
s.step(
    "menus",
    "F",
    1,
    ("Hand out menus along the queue", "到队伍中派发菜单，提前了解点单"),
    row=1,
    actor=("Crew member", "服务员"),
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "second-till",
    "B",
    1,
    ("Open a second till", "从后厨抽调一名员工加开收银台"),
    actor=MANAGER,
    dur=1,
)

s.phase("order", ("Order and pay", "点餐付款"))
s.evidence("ev-menu", 2, ("Menu board and card reader", "带图片和价格的菜单牌、刷卡机"), ["order"])
s.step(
    "order",
    "C",
    2,
    ("Order and pay", "点餐并付款"),
    dur=1.5,
    range=[0.75, 3],
    target=2,
    resource="till",
    wait_target=3,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Greet with a smile, repeat the order back, suggest at most one add-on; order "
        "and payment within 2 minutes.",
        "微笑问候，复述订单，最多推荐一样加购；点餐加付款 2 分钟内完成。",
    ),
)
s.step(
    "take-order",
    "F",
    2,
    ("Take the order and the payment", "接受点单并收款"),
    actor=CASHIER,
    channel=IN_PERSON,
    dur=1.5,
)
s.step(
    "pos",
    "S",
    2,
    ("Till sends order to kitchen", "收银系统把订单推送到厨房屏幕"),
    actor=("Point-of-sale system", "收银系统"),
    channel=SYSTEM,
    dur=0.2,
)
s.step(
    "cook",
    "B",
    3,
    ("Cook and assemble the order", "制作并装配餐品"),
    actor=KITCHEN,
    dur=3,
    range=[2, 6],
    target=3,
    resource="kitchen",
)

s.phase("collect", ("Wait and collect", "等餐取餐"))
s.evidence("ev-screen", 4, ("Order-number screen", "取餐叫号屏"), ["wait"])
s.step(
    "wait",
    "C",
    4,
    ("Wait for the order number", "等候叫号"),
    kind="wait",
    dur=3,
    target=4,
    emotion=-1,
)
s.step(
    "check-tray",
    "B",
    4,
    ("Check the tray against the order", "对照订单核对餐盘"),
    actor=("Expeditor", "出餐员"),
    dur=0.5,
    fail=True,
    failure_rate=0.08,
    description=("Items go missing most often at peak.", "高峰期最容易漏餐、错餐。"),
)
s.step(
    "remake",
    "B",
    4,
    ("Remake the item with priority", "优先补做漏掉或做错的餐品"),
    row=1,
    actor=KITCHEN,
    dur=2,
    range=[1, 4],
    target=2,
    resource="kitchen",
)
s.evidence("ev-tray", 5, ("Tray, numbered receipt", "餐盘、带取餐号的小票、纸巾"), ["collect"])
s.step(
    "hand-over",
    "F",
    5,
    ("Call number, hand over tray", "叫号并递交餐盘"),
    actor=("Counter crew", "出餐台员工"),
    channel=IN_PERSON,
    dur=0.5,
)
s.step(
    "collect",
    "C",
    5,
    ("Collect the tray", "取餐"),
    dur=0.5,
    target=1,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Order complete and correct, handed over with eye contact and a thank-you "
        "within 4 minutes of paying.",
        "付款后 4 分钟内出餐，餐品齐全无误，递餐时目光接触并致谢。",
    ),
)

s.phase("eat", ("Eat and leave", "用餐离店"))
s.evidence(
    "ev-dining", 6, ("Clean table, sauces, napkins", "干净的餐桌、随手可取的酱料和纸巾"), ["eat"]
)
s.step("eat", "C", 6, ("Eat the meal", "用餐"), dur=15, range=[8, 25], emotion=1, channel=IN_PERSON)
s.step(
    "lobby",
    "F",
    6,
    ("Wipe tables, ask about the meal", "收拾餐盘、擦桌子，询问用餐感受"),
    actor=("Lobby crew", "大堂服务员"),
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "restock",
    "B",
    6,
    ("Restock sauces and napkins", "高峰过后补充酱料、纸巾和吸管"),
    actor=KITCHEN,
    dur=5,
)
s.evidence(
    "ev-exit", 7, ("Tray rack and waste bins", "餐盘回收架、分类垃圾桶、欢迎再来标识"), ["leave"]
)
s.step(
    "leave",
    "C",
    7,
    ("Clear the tray and leave", "归还餐盘，离店"),
    kind="end",
    dur=1,
    emotion=1,
    channel=IN_PERSON,
)

s.flow("enter", "queue", "order", "wait", "collect", "eat", "leave")
s.flow("enter", "watch", "queue-time", "peak")
s.flow("peak", "menus", label=YES)
s.probability("peak", "menus", 0.4)  # the queue passes 3 minutes for 4 customers in 10 at lunch
s.flow("peak", "take-order", label=NO)
s.flow("menus", "queue")
s.flow("menus", "second-till", "take-order")
s.flow("order", "take-order", "pos", "cook", "check-tray", "hand-over", "collect")
s.recovery("check-tray", "remake", label=("item missing or wrong", "漏餐或错餐"))
s.flow("remake", "hand-over")
s.flow("wait", "hand-over")
s.flow("cook", "restock", "lobby", "leave")
s.flow("eat", "lobby")

s.note(
    (
        "Peaks 11:30-13:30, 17:30-19:30: menus out, 2nd till.",
        "高峰 11:30-13:30、17:30-19:30：一名员工专门派发菜单，加开第二收银台。",
    ),
    220,
    -80,
)
