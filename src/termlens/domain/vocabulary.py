"""The analysis contract: questions, verdict scale, conditions, data items and uses.

Ids and values here are part of the output contract (DESIGN.md sections 3 and 4); scripts rely on
them, so they never change meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """Five ordered levels, from explicitly permitted to explicitly excluded."""

    YES = "yes"
    LIKELY = "likely"
    UNCLEAR = "unclear"
    UNLIKELY = "unlikely"
    NO = "no"

    @property
    def rank(self) -> int:
        """0 for yes … 4 for no; used to compare and to move along the scale."""
        return list(Verdict).index(self)

    def plain(self, confidence: float = 0.0) -> str:
        """The verdict in the words people read ("Almost certainly" for a very sure yes)."""
        if self is Verdict.YES and confidence >= 0.9:
            return "Almost certainly"
        return VERDICT_WORDS[self]


VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.YES: "Yes",
    Verdict.LIKELY: "Probably",
    Verdict.UNCLEAR: "Maybe/Unclear",
    Verdict.UNLIKELY: "Probably not",
    Verdict.NO: "No",
}


class Condition(StrEnum):
    """What the verdict depends on."""

    NONE = "none"
    OPT_IN = "opt_in"
    OPT_OUT = "opt_out"
    ADMIN = "admin"
    PLAN = "plan"
    DEIDENTIFIED = "deidentified"
    REGION = "region"

    def plain(self) -> str:
        """The condition as a short phrase for people."""
        return CONDITION_WORDS[self]


CONDITION_WORDS: dict[Condition, str] = {
    Condition.NONE: "",
    Condition.OPT_IN: "only if you opt in",
    Condition.OPT_OUT: "unless you opt out",
    Condition.ADMIN: "your account admin decides",
    Condition.PLAN: "depends on your plan",
    Condition.DEIDENTIFIED: "only de-identified or aggregated data",
    Condition.REGION: "depends on where you live",
}


class QuestionKind(StrEnum):
    """Permission questions default to `unclear` on silence; document questions to `no`."""

    PERMISSION = "permission"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Question:
    """One document-level question with a stable id."""

    id: str
    text: str
    short: str
    kind: QuestionKind


QUESTIONS: tuple[Question, ...] = (
    Question(
        "train.content.own",
        "May the vendor use users' content (messages, files, uploads, audio, video, posts, inputs) "
        "to train or improve its own AI / machine-learning models?",
        "Trains its AI on your content",
        QuestionKind.PERMISSION,
    ),
    Question(
        "train.content.third_party",
        "May users' content be used to train third parties' AI models, or be shared, licensed or "
        "sold to third parties for AI training?",
        "Your content trains others' AI",
        QuestionKind.PERMISSION,
    ),
    Question(
        "train.usage.own",
        "May the vendor use usage / telemetry / diagnostic / \"service generated\" / technical data "
        "to train AI / machine-learning models?",
        "Trains AI on your usage data",
        QuestionKind.PERMISSION,
    ),
    Question(
        "train.ai_io",
        "Are inputs to and outputs of the vendor's own AI features (prompts, assistant chats, "
        "generated content, summaries) used to train models?",
        "Trains on your AI prompts and outputs",
        QuestionKind.PERMISSION,
    ),
    Question(
        "ownership.usage",
        "Does the vendor claim ownership of usage / telemetry / service-generated data?",
        "Claims to own your usage data",
        QuestionKind.DOCUMENT,
    ),
    Question(
        "license.content.broad",
        "Does the vendor take a licence to users' content beyond operating the service for the user "
        "(perpetual, irrevocable, sublicensable, or for new products, marketing, research, AI)?",
        "Takes a broad licence to your content",
        QuestionKind.DOCUMENT,
    ),
    Question(
        "marketing.content",
        "May user content be used for the vendor's marketing or advertising (including ad targeting "
        "based on it)?",
        "Uses your content for marketing or ads",
        QuestionKind.PERMISSION,
    ),
    Question(
        "control.ai_training",
        "Does the document describe a user control over AI training on the user's data (opt-in, "
        "opt-out, setting, admin control)?",
        "Gives you a control over AI training",
        QuestionKind.DOCUMENT,
    ),
)

QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)
QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


class Use(StrEnum):
    """What a vendor might do with a data item (item-level questions)."""

    AI_TRAINING = "ai_training"
    AI_TRAINING_THIRD_PARTY = "ai_training_third_party"
    MARKETING = "marketing"
    SALE_OR_LICENSING = "sale_or_licensing"


class ItemFamily(StrEnum):
    """Which broad kind of data an item is; decides which document category it falls in by default."""

    CONTENT = "content"
    AI_IO = "ai_io"
    ACCOUNT = "account"
    USAGE = "usage"


@dataclass(frozen=True)
class DataItem:
    """A data item people ask about, with the words they use for it."""

    id: str
    label: str
    family: ItemFamily
    synonyms: tuple[str, ...]


DATA_ITEMS: tuple[DataItem, ...] = (
    DataItem("audio", "Audio", ItemFamily.CONTENT, ("audio", "voice", "sound", "calls", "call audio", "speech")),
    DataItem("video", "Video", ItemFamily.CONTENT, ("video", "camera", "webcam", "face on camera")),
    DataItem("chat", "Chat messages", ItemFamily.CONTENT,
             ("chat", "chats", "messages", "message", "dms", "direct messages", "conversations", "texts")),
    DataItem("screen_sharing", "Screen sharing", ItemFamily.CONTENT,
             ("screen share", "screen shares", "screen sharing", "screenshare", "shared screen")),
    DataItem("files", "Files and attachments", ItemFamily.CONTENT,
             ("file", "files", "attachments", "attachment", "documents", "uploads", "uploaded")),
    DataItem("polls", "Polls", ItemFamily.CONTENT, ("poll", "polls", "poll results", "surveys")),
    DataItem("whiteboards", "Whiteboards", ItemFamily.CONTENT, ("whiteboard", "whiteboards")),
    DataItem("reactions", "Reactions", ItemFamily.CONTENT, ("reaction", "reactions", "emoji", "likes")),
    DataItem("transcripts", "Transcripts and captions", ItemFamily.CONTENT,
             ("transcript", "transcripts", "captions", "caption", "subtitles")),
    DataItem("recordings", "Recordings", ItemFamily.CONTENT, ("recording", "recordings", "recorded meetings")),
    DataItem("posts", "Posts and public content", ItemFamily.CONTENT,
             ("post", "posts", "public content", "tweets", "comments", "photos i post", "photos", "images")),
    DataItem("ai_prompts", "AI prompts", ItemFamily.AI_IO,
             ("prompt", "prompts", "ai prompts", "questions to the assistant", "inputs",
              "assistant chats", "ai chats")),
    DataItem("ai_outputs", "AI outputs", ItemFamily.AI_IO,
             ("output", "outputs", "ai outputs", "generated content", "summaries", "ai summaries", "responses")),
    DataItem("profile_photo", "Profile photo", ItemFamily.ACCOUNT, ("profile photo", "profile picture", "avatar")),
    DataItem("name", "Name", ItemFamily.ACCOUNT, ("name", "my name", "full name")),
    DataItem("contact_details", "Email and contact details", ItemFamily.ACCOUNT,
             ("email", "email address", "phone number", "contact details", "address")),
    DataItem("contacts", "Contacts / who you talk to", ItemFamily.USAGE,
             ("who i talk to", "who you talk to", "contacts", "contact list", "address book", "participants")),
    DataItem("call_metadata", "Meeting or call metadata", ItemFamily.USAGE,
             ("metadata", "call metadata", "meeting metadata", "duration", "call times", "meeting times")),
    DataItem("interactions", "In-app interactions", ItemFamily.USAGE,
             ("clicks", "interactions", "attention", "engagement", "what i click", "usage")),
    DataItem("meeting_titles", "Meeting titles and invitations", ItemFamily.CONTENT,
             ("meeting title", "meeting titles", "invitations", "invites", "calendar")),
    DataItem("telemetry", "Telemetry and diagnostics", ItemFamily.USAGE,
             ("telemetry", "diagnostics", "diagnostic data", "usage data", "logs", "crash reports")),
    DataItem("device_info", "Device information", ItemFamily.USAGE,
             ("device", "device information", "device info", "ip address", "browser")),
    DataItem("location", "Location", ItemFamily.USAGE, ("location", "gps", "where i am")),
    DataItem("biometrics", "Biometrics (face, voice)", ItemFamily.CONTENT,
             ("biometric", "biometrics", "face", "faceprint", "voiceprint", "facial")),
)

DATA_ITEMS_BY_ID: dict[str, DataItem] = {i.id: i for i in DATA_ITEMS}
