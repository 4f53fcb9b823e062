"""Hotel overnight stay: the showcase example and the ``hotel-stay`` template."""

from __future__ import annotations

from scripts.template_sources.dsl import IN_PERSON, NO, SYSTEM, YES, Source

RECEPTIONIST = ("Receptionist", "前台接待员")

source = Source(
    name="hotel-stay",
    title=("Hotel overnight stay", "酒店入住一晚"),
    description=(
        "A business guest's one-night stay in a city hotel, from arrival to departure: check-in "
        "with a reservation lookup, the room, breakfast and check-out, with the room-not-ready "
        "recovery.",
        "商务客人在城市酒店入住一晚的完整服务蓝图：从抵达、办理入住（含预订查询）、入住客房、"
        "早餐到退房离店，并标出“房间未准备好”时的补救流程。",
    ),
    customer=("Business traveller with a reservation", "已预订的商务出行客人"),
    scenario=(
        "Weekday arrival at 16:00, one night, breakfast included",
        "工作日下午 4 点抵达，住一晚，含早餐",
    ),
    target_minutes=1440,
)
s = source

s.phase("arrival", ("Arrival", "抵达"), ("From the kerb to the reception desk", "从下车到走到前台"))
s.evidence(
    "ev-entrance",
    0,
    ("Entrance, signage and lobby", "酒店外观、指引标识与大堂"),
    ["arrive", "queue"],
)
s.step(
    "arrive",
    "C",
    0,
    ("Arrive at the hotel", "抵达酒店"),
    kind="start",
    dur=2,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "greet",
    "F",
    0,
    ("Greet guest, take the luggage", "门童问候并接过行李"),
    actor=("Doorman", "门童"),
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "luggage",
    "B",
    1,
    ("Tag and hold the luggage", "行李挂牌暂存，待分房后送上楼"),
    actor=("Bell staff", "行李员"),
    dur=3,
)
s.step(
    "queue",
    "C",
    1,
    ("Wait at the reception desk", "在前台排队等候"),
    kind="wait",
    dur=4,
    target=5,
    emotion=-1,
)

s.phase("check-in", ("Check-in", "入住登记"), ("Registration, room and key", "登记、分房与房卡"))
s.evidence("ev-desk", 2, ("Desk and registration card", "前台与入住登记单"), ["check-in"])
s.step(
    "check-in",
    "C",
    2,
    ("Give name and ID at the desk", "出示证件，办理入住"),
    dur=4,
    target=5,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Greet the guest by name within 30 seconds of reaching the desk; check-in "
        "complete within 5 minutes.",
        "客人走到前台 30 秒内主动问候并称呼姓氏；5 分钟内办完入住手续。",
    ),
)
s.step(
    "lookup",
    "F",
    2,
    ("Look up the reservation", "查询预订信息"),
    actor=RECEPTIONIST,
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "pms",
    "S",
    2,
    ("Reservation in the hotel system", "酒店管理系统（PMS）中的预订记录"),
    actor=("Property management system", "酒店管理系统"),
    channel=SYSTEM,
    dur=0.5,
)
s.step(
    "found",
    "F",
    3,
    ("Reservation found?", "是否找到预订？"),
    kind="decision",
    actor=RECEPTIONIST,
    channel=IN_PERSON,
    dur=0.5,
)
s.step(
    "walk-in",
    "F",
    3,
    ("Offer a free room at booked rate", "按原价为客人安排空房并登记"),
    row=1,
    actor=RECEPTIONIST,
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "room-status",
    "S",
    3,
    ("Housekeeping room status", "客房部房态（已清洁、已查房）"),
    actor=("Housekeeping", "客房部"),
    channel=SYSTEM,
    dur=0.5,
)
s.step(
    "assign",
    "B",
    4,
    ("Assign a room, encode the key", "分配可入住房间并制作房卡"),
    actor=("Front office clerk", "前台文员"),
    dur=2,
    target=3,
    fail=True,
    description=(
        "Fails when no room of the booked type is clean yet (peak 15:00-17:00).",
        "下午 3 点到 5 点高峰时段，预订房型可能尚未清扫完毕。",
    ),
)
s.step(
    "room-fix",
    "F",
    4,
    ("Offer upgrade or lounge drink", "升级房型或请客人到大堂吧稍坐，房间就绪后短信通知"),
    row=1,
    actor=("Duty manager", "值班经理"),
    channel=IN_PERSON,
    dur=10,
    target=15,
)
s.step(
    "hand-key",
    "F",
    4,
    ("Hand over key, explain breakfast", "递交房卡，介绍早餐时间和无线网络"),
    actor=RECEPTIONIST,
    channel=IN_PERSON,
    dur=2,
)

s.phase("stay", ("Stay", "住店"), ("Room, night and breakfast", "客房、过夜与早餐"))
s.evidence(
    "ev-room", 5, ("Clean room, made bed, welcome card", "整洁的客房、铺好的床与欢迎卡"), ["stay"]
)
s.step(
    "stay",
    "C",
    5,
    ("Settle in and spend the night", "进房休息，入住过夜"),
    dur=600,
    emotion=1,
    channel=IN_PERSON,
)
s.evidence(
    "ev-breakfast", 6, ("Breakfast buffet and table card", "自助早餐台与桌卡"), ["breakfast"]
)
s.step("breakfast", "C", 6, ("Have breakfast", "享用早餐"), dur=30, emotion=1, channel=IN_PERSON)
s.step(
    "host",
    "F",
    6,
    ("Seat guest, note room number", "引位入座，登记房号"),
    actor=("Restaurant host", "餐厅领位员"),
    channel=IN_PERSON,
    dur=1,
)

s.phase("check-out", ("Check-out", "退房离店"), ("Bill, payment and farewell", "结账、付款与送别"))
s.evidence("ev-bill", 7, ("Itemised bill", "消费明细账单"), ["check-out"])
s.step(
    "check-out",
    "C",
    7,
    ("Check out and review the bill", "办理退房，核对账单"),
    dur=3,
    target=3,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "The bill is ready and correct when the guest reaches the desk; check-out "
        "takes no more than 3 minutes.",
        "客人到前台时账单已备好且准确无误；退房手续不超过 3 分钟。",
    ),
)
s.step(
    "bill",
    "B",
    7,
    ("Post charges, prepare the bill", "汇总房费与早餐消费，准备账单"),
    actor=("Night auditor", "夜审员"),
    dur=5,
)
s.step(
    "present-bill",
    "F",
    7,
    ("Present bill, ask about the stay", "呈递账单并征询住店感受"),
    actor=RECEPTIONIST,
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "payment",
    "S",
    7,
    ("Card payment and receipt", "银行卡支付与开具发票"),
    actor=("Payment service", "支付系统"),
    channel=SYSTEM,
    dur=1,
)
s.evidence("ev-exit", 8, ("Receipt and thank-you email", "发票与感谢邮件"), ["leave"])
s.step(
    "farewell",
    "F",
    8,
    ("Thank the guest, call a taxi", "致谢送别，协助叫车"),
    actor=("Doorman", "门童"),
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "leave",
    "C",
    8,
    ("Leave the hotel", "离开酒店"),
    kind="end",
    dur=1,
    emotion=1,
    channel=IN_PERSON,
)

s.flow("arrive", "queue", "check-in", "stay", "breakfast", "check-out", "leave")
s.flow("arrive", "greet", "queue")
s.flow("greet", "luggage", "hand-key")
s.flow("check-in", "lookup", "pms", "found")
s.flow("pms", "room-status", "assign")
s.flow("found", "assign", label=YES)
s.flow("found", "walk-in", label=NO)
s.flow("walk-in", "assign", "hand-key", "stay")
s.recovery("assign", "room-fix", label=("room not ready", "房间未准备好"))
s.flow("room-fix", "hand-key")
s.flow("assign", "bill")
s.flow("breakfast", "host", "bill", "present-bill")
s.flow("check-out", "present-bill", "payment", "farewell", "leave")

s.note(
    ("Peak check-in 15:00-18:00: open a second desk.", "入住高峰 15:00-18:00：加开一个前台窗口。"),
    440,
    -80,
    "check-in",
)
