"""Online order with courier delivery and returns."""

from __future__ import annotations

from scripts.template_sources.dsl import APP, EMAIL, IN_PERSON, NO, PHONE, SYSTEM, TEXT, YES, Source

AGENT = ("Customer service agent", "在线客服")
SHOP_APP = ("Shop app", "商城 App")
COURIER = ("Courier", "快递员")
CS_TEAM = ("Customer service team", "客服团队")

source = Source(
    name="online-order-delivery",
    title=("Online order with courier delivery and returns", "网购下单、快递配送与退货"),
    description=(
        "Buying a product in a shop app: questions in live chat, checkout, picking and packing "
        "(with the out-of-stock recovery), courier delivery to the door or a parcel locker, and "
        "a free return with the refund.",
        "在商城 App 购物的完整服务蓝图：在线咨询、下单支付、仓库拣货打包（含缺货补救）、"
        "快递送货上门或投放快递柜，以及免费退货和退款。",
    ),
    customer=("Online shopper buying a pair of shoes", "在网上买鞋的消费者"),
    scenario=(
        "Order on a weekday evening, delivery promised within 48 hours",
        "工作日晚上下单，承诺 48 小时内送达",
    ),
    target_minutes=10080,
)
s = source

s.phase("buy", ("Browse and buy", "浏览下单"))
s.evidence(
    "ev-product",
    0,
    ("Product page with delivery date", "商品详情页：图片、价格、预计送达日期"),
    ["browse"],
)
s.step(
    "browse",
    "C",
    0,
    ("Browse and compare products", "浏览比较商品"),
    kind="start",
    dur=10,
    emotion=0,
    channel=APP,
)
s.step(
    "chat",
    "F",
    0,
    ("Answer questions in live chat", "在线客服解答商品问题"),
    actor=AGENT,
    channel=APP,
    dur=3,
    target=5,
)
s.step(
    "catalogue",
    "S",
    0,
    ("Catalogue and live stock", "商品库与实时库存"),
    actor=("E-commerce platform", "电商平台"),
    channel=SYSTEM,
    dur=0,
)
s.evidence("ev-checkout", 1, ("Checkout and confirmation email", "结算页与订单确认邮件"), ["order"])
s.step(
    "order",
    "C",
    1,
    ("Place the order and pay", "提交订单并付款"),
    dur=5,
    target=5,
    emotion=1,
    channel=APP,
    mot=True,
    standard=(
        "Checkout in no more than three screens; confirmation with a delivery date "
        "within 1 minute of paying.",
        "结算不超过三个页面；付款后 1 分钟内收到含送达日期的订单确认。",
    ),
)
s.step(
    "checkout",
    "F",
    1,
    ("Checkout confirms price and date", "结算页确认价格、送达日期与支付方式"),
    actor=SHOP_APP,
    channel=APP,
    dur=1,
)
s.step(
    "payment",
    "S",
    1,
    ("Payment gateway", "第三方支付"),
    actor=("Payment provider", "支付机构"),
    channel=SYSTEM,
    dur=0.5,
)

s.phase("fulfil", ("Fulfilment and delivery", "出库配送"))
s.step(
    "pick",
    "B",
    2,
    ("Pick, pack and label the parcel", "拣货、打包、贴面单"),
    actor=("Warehouse staff", "仓库拣货员"),
    dur=60,
    target=120,
    fail=True,
    description=(
        "The stock count is sometimes wrong: the item is missing or damaged.",
        "库存数据偶有不准：商品缺货或破损。",
    ),
)
s.step(
    "reroute",
    "B",
    2,
    ("Ship from another warehouse", "从其他仓调货发出，更新送达日期"),
    row=1,
    actor=("Warehouse supervisor", "仓库主管"),
    dur=30,
    target=60,
)
s.step(
    "to-courier",
    "B",
    3,
    ("Hand the parcel to the courier", "交接快递公司揽收"),
    actor=("Warehouse staff", "仓库拣货员"),
    dur=10,
)
s.step(
    "tracking",
    "S",
    3,
    ("Courier tracking system", "快递物流跟踪系统"),
    actor=("Courier company", "快递公司"),
    channel=SYSTEM,
    dur=0,
)
s.step(
    "updates",
    "F",
    3,
    ("Send tracking messages", "推送发货与物流动态"),
    actor=CS_TEAM,
    channel=TEXT,
    dur=0.5,
)
s.evidence("ev-tracking", 3, ("Tracking page and text updates", "物流详情页与短信通知"), ["wait"])
s.step(
    "wait",
    "C",
    3,
    ("Wait for delivery", "等待收货，查看物流"),
    kind="wait",
    dur=1440,
    target=2880,
    emotion=0,
)
s.step(
    "at-home",
    "F",
    4,
    ("Customer at home?", "收件人是否在家？"),
    kind="decision",
    actor=COURIER,
    channel=PHONE,
    dur=1,
)
s.step(
    "door",
    "F",
    5,
    ("Hand over at the door", "上门当面交付，拍照留证"),
    actor=COURIER,
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "locker",
    "F",
    5,
    ("Parcel locker, text the code", "投放快递柜并短信发送取件码"),
    row=1,
    actor=COURIER,
    channel=TEXT,
    dur=5,
)
s.step(
    "delivered",
    "B",
    5,
    ("Mark the order as delivered", "订单标记为已签收"),
    actor=("Delivery station clerk", "快递网点文员"),
    dur=1,
)
s.evidence(
    "ev-parcel",
    5,
    ("Courier and undamaged parcel", "着工装的快递员、完好的包裹、取件码"),
    ["receive"],
)
s.step(
    "receive",
    "C",
    5,
    ("Receive the parcel", "签收包裹"),
    dur=3,
    target=5,
    emotion=1,
    channel=IN_PERSON,
    mot=True,
    standard=(
        "Delivered on the promised day, within 48 hours of ordering; parcel undamaged; "
        "courier polite and quick.",
        "在承诺日期、下单后 48 小时内送达；包裹完好；快递员礼貌、交接迅速。",
    ),
)

s.phase("use", ("Unpack and decide", "开箱体验"))
s.evidence(
    "ev-box", 6, ("Item, note, free-returns label", "商品、发货单和箱内的免费退货标签"), ["happy"]
)
s.step(
    "happy",
    "C",
    6,
    ("Happy with the item?", "对商品是否满意？"),
    kind="decision",
    dur=10,
    emotion=0,
)
s.step(
    "feedback",
    "F",
    6,
    ("Ask for rating, offer free returns", "邀请评价，并提示可免费退货"),
    actor=SHOP_APP,
    channel=APP,
    dur=0.5,
)

s.phase("return", ("Return and refund", "退货退款"))
s.evidence(
    "ev-return", 7, ("Return form and QR code label", "退货申请页与退货二维码"), ["request-return"]
)
s.step(
    "request-return",
    "C",
    7,
    ("Request a return in the app", "在 App 上申请退货"),
    dur=5,
    emotion=-1,
    channel=APP,
)
s.step(
    "approve",
    "F",
    7,
    ("Approve return, book a pick-up", "审核退货申请，预约快递上门取件"),
    actor=AGENT,
    channel=APP,
    dur=5,
    target=10,
)
s.step(
    "returns-sys",
    "S",
    7,
    ("Returns management system", "退货管理系统"),
    actor=("E-commerce platform", "电商平台"),
    channel=SYSTEM,
    dur=0,
)
s.evidence(
    "ev-pickup", 8, ("Courier and return receipt", "上门取件的快递员、退货回执"), ["hand-return"]
)
s.step(
    "hand-return",
    "C",
    8,
    ("Hand the parcel to the courier", "把退货包裹交给快递员"),
    dur=5,
    emotion=0,
    channel=IN_PERSON,
)
s.step(
    "pickup",
    "F",
    8,
    ("Collect the return at the door", "上门取件"),
    actor=COURIER,
    channel=IN_PERSON,
    dur=3,
)
s.step(
    "inspect",
    "B",
    8,
    ("Inspect the returned item", "退货质检入库"),
    actor=("Returns clerk", "退货质检员"),
    dur=30,
    target=60,
)
s.step(
    "refund",
    "S",
    9,
    ("Refund to the original payment", "原路退款"),
    actor=("Payment provider", "支付机构"),
    channel=SYSTEM,
    dur=1,
)
s.step(
    "confirm-refund",
    "F",
    9,
    ("Confirm the refund", "短信和邮件告知退款到账"),
    actor=CS_TEAM,
    channel=EMAIL,
    dur=0.5,
)
s.evidence("ev-refund", 9, ("Refund text and email", "退款短信与邮件"), ["refunded"])
s.step(
    "refunded",
    "C",
    9,
    ("Receive the refund", "收到退款"),
    dur=1,
    target=5,
    emotion=1,
    channel=APP,
    mot=True,
    standard=(
        "Refund within 24 hours of the return arriving at the warehouse, with a message "
        "that says how much and where.",
        "退货到仓后 24 小时内退款，并告知退款金额和去向。",
    ),
)
s.evidence("ev-rating", 10, ("Rating screen and coupon", "评价页面与感谢优惠券"), ["rate"])
s.step("rate", "C", 10, ("Rate the order", "评价订单"), kind="end", dur=1, emotion=1, channel=APP)

s.flow("browse", "order", "wait", "receive", "happy")
s.flow("happy", "rate", label=YES)
s.flow("happy", "request-return", label=NO)
s.flow("request-return", "hand-return", "refunded", "rate")
s.flow("browse", "chat", "catalogue", "checkout")
s.flow("order", "checkout", "payment", "pick", "to-courier", "tracking", "updates", "wait")
s.recovery("pick", "reroute", label=("out of stock or damaged", "缺货或破损"))
s.flow("reroute", "to-courier")
s.flow("tracking", "at-home")
s.flow("at-home", "door", label=YES)
s.flow("at-home", "locker", label=NO)
s.flow("door", "receive")
s.flow("locker", "receive")
s.flow("door", "delivered")
s.flow("locker", "delivered", "feedback", "happy")
s.flow("request-return", "approve", "returns-sys", "pickup", "hand-return")
s.flow("pickup", "inspect", "refund", "confirm-refund", "refunded")
s.flow("confirm-refund", "rate")

s.note(
    (
        "Say 'free returns for 7 days' on the product page.",
        "7 天内免费退货：在商品详情页就要写明，而不是收货后才告知。",
    ),
    1540,
    -80,
)
