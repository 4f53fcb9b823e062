"""Which channels reach the customer without a face-to-face meeting, in English and Chinese.

Beside the glossary because it is domain vocabulary, one place for every layer that asks. The
service-blueprint literature calls a contact through such a channel *invisible contact*: Bitner,
Ostrom & Morgan's hotel (2008) draws "call room service" straight to the backstage "take food
order", Zeithaml & Bitner's express mail the customer's call straight to the backstage order
taker. A customer step joined directly to the backstage (or to a support system the customer
uses: an app's or a website's back end, a technology contact) is then correct; face to face
the customer only meets the frontstage.

Matching: case-insensitive. Latin words match whole words (``mail`` is found in "e-mail" and
"mail order" but not in "Gmail" or "voicemail", which are listed of their own), phrases as word
sequences; Chinese terms match anywhere in the text, as Chinese has no spaces. Physical mail
(a letter, a parcel, the post) is remote too: the customer deals with the organisation without
seeing anyone. When a channel names both kinds ("in person or by phone") it counts as remote:
the contact can happen without a meeting, so a direct line to the backstage is possible.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Contact(StrEnum):
    """How the customer meets the organisation through a channel."""

    REMOTE = "remote"
    IN_PERSON = "in_person"


#: Latin words and phrases of remote channels (lower case; a phrase is words split by spaces).
REMOTE_WORDS: tuple[str, ...] = (
    "phone",
    "telephone",
    "telephony",
    "call",
    "calls",
    "called",
    "calling",
    "call centre",
    "call center",
    "hotline",
    "voicemail",
    "e mail",
    "email",
    "emails",
    "gmail",
    "mail",
    "post",
    "postal",
    "letter",
    "fax",
    "chat",
    "chatbot",
    "live chat",
    "web",
    "website",
    "web form",
    "webform",
    "web site",
    "online",
    "internet",
    "portal",
    "app",
    "apps",
    "mobile app",
    "sms",
    "text",
    "text message",
    "texting",
    "video",
    "video call",
    "zoom",
    "whatsapp",
    "wechat",
    "messenger",
    "social media",
    "self service",
    "kiosk",
    "remote",
)

#: Chinese terms of remote channels (matched anywhere in the text).
REMOTE_ZH: tuple[str, ...] = (
    "电话",
    "致电",
    "来电",
    "热线",
    "客服中心",
    "呼叫中心",
    "邮件",
    "电子邮件",
    "邮寄",
    "信函",
    "在线",
    "线上",
    "网上",
    "网站",
    "网页",
    "官网",
    "短信",
    "微信",
    "公众号",
    "小程序",
    "视频",
    "手机",
    "远程",
    "自助",
)

#: Latin words and phrases of face-to-face contact.
IN_PERSON_WORDS: tuple[str, ...] = (
    "in person",
    "in-person",
    "face to face",
    "f2f",
    "on site",
    "onsite",
    "in store",
    "in the store",
    "at the counter",
    "counter",
    "desk",
    "walk in",
)

#: Chinese terms of face-to-face contact.
IN_PERSON_ZH: tuple[str, ...] = ("面对面", "当面", "现场", "到店", "柜台", "门店", "上门")

_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _phrases(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {tuple(_WORD.findall(word.casefold())) for word in words}


_REMOTE = _phrases(REMOTE_WORDS)
_IN_PERSON = _phrases(IN_PERSON_WORDS)
_LONGEST = max(len(phrase) for phrase in _REMOTE | _IN_PERSON)


def _latin_words(text: str) -> list[str]:
    """The text's words with Chinese characters taken out (``微信App`` → ``app``)."""
    return _WORD.findall(_CJK.sub(" ", text.casefold()))


def _has(words: list[str], phrases: set[tuple[str, ...]]) -> bool:
    return any(
        tuple(words[start : start + size]) in phrases
        for size in range(1, _LONGEST + 1)
        for start in range(len(words) - size + 1)
    )


def contact(channel: str) -> Contact | None:
    """How a channel reaches the customer: remote, in person, or None when it says neither
    (an empty channel, or one this vocabulary does not know)."""
    text = channel.strip()
    if not text:
        return None
    words = _latin_words(text)
    if _has(words, _REMOTE) or any(term in text for term in REMOTE_ZH):
        return Contact.REMOTE
    if _has(words, _IN_PERSON) or any(term in text for term in IN_PERSON_ZH):
        return Contact.IN_PERSON
    return None
