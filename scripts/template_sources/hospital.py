"""Hospital outpatient visit: registration, consultation, blood test, results, pharmacy."""

from __future__ import annotations

from scripts.template_sources.dsl import APP, IN_PERSON, NO, SYSTEM, TEXT, YES, Source

DOCTOR = ("Doctor", "门诊医生")

source = Source(
    name="hospital-outpatient",
    title=("Hospital outpatient visit", "医院门诊就医"),
    description=(
        "A booked outpatient visit with a blood test: kiosk check-in, triage, consultation, "
        "payment, sampling (with the redraw recovery), the return to the doctor with the results, "
        "and either the pharmacy or advice with a follow-up booking.",
        "预约患者的一次门诊就医（含抽血化验）：自助机签到、分诊、就诊、缴费、采血（含重新采血的补救）、"
        "取报告后回诊，之后到药房取药或由医生给出建议并预约复诊。",
    ),
    customer=("Adult patient with a booked appointment", "已预约的成年患者"),
    scenario=(
        "Weekday morning, internal medicine, blood test needed",
        "工作日上午内科门诊，需要抽血化验",
    ),
    target_minutes=180,
    # a morning clinic: the early rush shows whether three doctors keep the 30-minute standard
    arrivals={
        "schedule": [
            {"from": "08:00", "to": "10:00", "per_hour": 14},
            {"from": "10:00", "to": "12:00", "per_hour": 8},
        ]
    },
    resources=[
        ("doctor", ("Doctors in the clinic", "门诊医生"), 3),
        ("sampling", ("Blood-draw windows", "采血窗口"), 2),
        ("pharmacy-window", ("Pharmacy windows", "药房窗口"), 2),
    ],
)
s = source

s.phase("register", ("Registration", "签到候诊"))
s.evidence("ev-hall", 0, ("Signage, kiosks, help desk", "导医标识、自助机、服务台"), ["arrive"])
s.step(
    "arrive",
    "C",
    0,
    ("Arrive and check in at a kiosk", "到院后在自助机签到"),
    kind="start",
    dur=3,
    emotion=-1,
    channel=IN_PERSON,
)
s.step(
    "guide",
    "F",
    0,
    ("Help at the kiosk, show the way", "协助使用自助机，指引就诊科室"),
    actor=("Guide nurse", "导医护士"),
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "his",
    "S",
    0,
    ("HIS confirms the appointment", "医院信息系统（HIS）确认预约"),
    actor=("Hospital information system", "医院信息系统"),
    channel=SYSTEM,
    dur=0.5,
)
s.evidence("ev-waiting", 1, ("Waiting area and call screen", "科室候诊区与叫号屏"), ["wait"])
s.step(
    "wait",
    "C",
    1,
    ("Wait to be called", "候诊"),
    kind="wait",
    dur=2,
    target=30,
    emotion=-1,
    description=(
        "Finding a seat by the room; how long patients wait for a doctor comes from the "
        "doctors' load (blueprint simulate).",
        "在诊室外找座位的时间；等候医生的时长由医生的忙碌程度决定（blueprint simulate）。",
    ),
)
s.step(
    "triage",
    "F",
    1,
    ("Vital signs, call the patient in", "测量生命体征，叫号就诊"),
    actor=("Triage nurse", "分诊护士"),
    channel=IN_PERSON,
    dur=3,
)

s.phase("consult", ("Consultation", "诊室就诊"))
s.evidence("ev-room", 2, ("Consulting room, name badge", "诊室、医生胸牌"), ["consult"])
s.step(
    "consult",
    "C",
    2,
    ("See the doctor", "医生问诊"),
    dur=10,
    range=[6, 20],
    target=15,
    resource="doctor",
    wait_target=30,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "The doctor greets the patient by name, listens without interrupting, and "
        "explains findings and next steps in plain words.",
        "医生称呼患者姓名，耐心倾听不打断，用通俗的话讲清病情判断和下一步安排。",
    ),
)
s.step(
    "exam",
    "F",
    2,
    ("Examine, order a blood test", "查体、解释病情并开具化验单"),
    actor=DOCTOR,
    channel=IN_PERSON,
    dur=10,
)
s.step(
    "emr",
    "S",
    2,
    ("Medical record and test order", "电子病历与检验申请"),
    actor=("EMR system", "电子病历系统"),
    channel=SYSTEM,
    dur=0.5,
)

s.phase("test", ("Payment and test", "缴费检验"))
s.evidence("ev-bill", 3, ("Test order with payment QR code", "带付款码的化验单"), ["pay"])
s.step("pay", "C", 3, ("Pay for the test", "在手机上或窗口缴费"), dur=3, emotion=0, channel=APP)
s.step(
    "cashier",
    "F",
    3,
    ("Take or confirm the payment", "窗口收费或确认线上缴费"),
    actor=("Cashier", "收费员"),
    channel=IN_PERSON,
    dur=2,
)
s.step(
    "payment",
    "S",
    3,
    ("Payment and insurance platform", "支付平台（手机支付、医保卡）"),
    actor=("Payment platform", "支付平台"),
    channel=SYSTEM,
    dur=0.5,
)
s.evidence(
    "ev-sample", 4, ("Sampling window, labelled tubes", "采血窗口、贴好标签的试管"), ["blood"]
)
s.step(
    "blood",
    "C",
    4,
    ("Give a blood sample", "抽血"),
    dur=5,
    range=[3, 9],
    emotion=-1,
    channel=IN_PERSON,
    resource="sampling",
    wait_target=15,
)
s.step(
    "draw",
    "F",
    4,
    ("Check ID, draw blood, label", "核对身份，采血并贴标签"),
    actor=("Phlebotomy nurse", "采血护士"),
    channel=IN_PERSON,
    dur=3,
    fail=True,
    failure_rate=0.05,
    description=(
        "A wrong label or an unusable sample means a second draw.",
        "标签贴错或标本不合格需要重新采血。",
    ),
)
s.step(
    "redraw",
    "F",
    4,
    ("Apologise, redraw, mark urgent", "向患者致歉，立即重新采血并标记加急"),
    row=1,
    actor=("Head nurse", "护士长"),
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "lab",
    "B",
    5,
    ("Analyse the sample", "检验科检测标本"),
    actor=("Lab technician", "检验技师"),
    dur=40,
    target=60,
)
s.step(
    "lis",
    "S",
    5,
    ("Lab system releases the result", "检验信息系统（LIS）发布报告"),
    actor=("Lab information system", "检验信息系统"),
    channel=SYSTEM,
    dur=1,
)
s.evidence(
    "ev-result", 5, ("Result in app and at printer", "手机上的报告与自助打印机"), ["wait-result"]
)
s.step(
    "wait-result",
    "C",
    5,
    ("Wait for the result", "等候化验结果"),
    kind="wait",
    dur=45,
    target=60,
    emotion=-1,
)

s.phase("after", ("Results and pharmacy", "回诊取药"))
s.evidence("ev-review", 6, ("Printed result, doctor's notes", "化验报告与医嘱"), ["review"])
s.step(
    "review",
    "C",
    6,
    ("Back to the doctor with result", "拿报告回诊"),
    dur=5,
    range=[3, 10],
    target=10,
    resource="doctor",
    wait_target=15,
    emotion=0,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Patients returning with results are seen within 15 minutes without queuing "
        "again; the result is explained in plain words.",
        "回诊患者无需重新排队，15 分钟内就诊；用通俗的话解释化验结果。",
    ),
)
s.step(
    "medicine",
    "F",
    6,
    ("Medicine needed?", "是否需要用药？"),
    kind="decision",
    actor=DOCTOR,
    channel=IN_PERSON,
    dur=1,
)
s.step(
    "advise",
    "F",
    6,
    ("Give advice and book a follow-up", "给出生活建议并预约复诊"),
    row=1,
    actor=DOCTOR,
    channel=IN_PERSON,
    dur=5,
)
s.step(
    "erx",
    "S",
    6,
    ("E-prescription to the pharmacy", "电子处方传送至药房"),
    actor=("Prescription system", "处方系统"),
    channel=SYSTEM,
    dur=0.5,
)
s.evidence(
    "ev-medicine", 7, ("Medicine bag with dosage labels", "贴有用法用量的药袋"), ["pharmacy"]
)
s.step(
    "pharmacy",
    "C",
    7,
    ("Collect the medicine", "到药房取药"),
    dur=5,
    range=[2, 10],
    emotion=0,
    channel=IN_PERSON,
    resource="pharmacy-window",
    wait_target=10,
)
s.step(
    "pharmacist",
    "F",
    7,
    ("Check prescription, explain dose", "核对处方，交代用法用量"),
    actor=("Pharmacist", "药师"),
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "dispense",
    "B",
    7,
    ("Dispense the prescription", "按处方调配药品"),
    actor=("Pharmacy technician", "药房调剂员"),
    dur=10,
    target=15,
)
s.step(
    "follow-up",
    "S",
    7,
    ("Follow-up booked in the system", "预约系统登记复诊"),
    actor=("Appointment system", "预约系统"),
    channel=SYSTEM,
    dur=0.5,
)
s.evidence("ev-exit", 8, ("Visit summary and reminder text", "就诊小结与复诊提醒短信"), ["leave"])
s.step(
    "summary",
    "F",
    8,
    ("Send summary and reminder", "发送就诊小结和复诊提醒"),
    actor=("Outpatient service centre", "门诊服务中心"),
    channel=TEXT,
    dur=1,
)
s.step(
    "leave", "C", 8, ("Leave the hospital", "离院"), kind="end", dur=2, emotion=1, channel=IN_PERSON
)

s.flow("arrive", "wait", "consult", "pay", "blood", "wait-result", "review", "pharmacy", "leave")
s.flow("review", "leave")
s.flow("arrive", "guide", "his", "triage", "consult")
s.flow("guide", "wait")
s.flow("consult", "exam", "emr", "payment", "draw")
s.flow("pay", "cashier", "payment")
s.flow("blood", "draw", "lab", "lis", "medicine")
s.flow("draw", "wait-result")
s.recovery("draw", "redraw", label=("sample unusable", "标本不合格"))
s.flow("redraw", "lab")
s.flow("review", "medicine")
s.flow("medicine", "erx", label=YES)
s.probability("medicine", "erx", 0.7)
s.flow("medicine", "advise", label=NO)
s.flow("erx", "dispense", "pharmacist", "pharmacy")
s.flow("pharmacist", "leave")
s.flow("advise", "follow-up", "summary", "leave")

s.note(
    (
        "Show the expected wait on the call screen.",
        "投诉大多关于等待：在叫号屏上显示预计等候时间。",
    ),
    220,
    -80,
    "wait",
)
