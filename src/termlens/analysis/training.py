"""Per-sentence proposals for the "may X be used to train AI" questions (own models and others'), before
precedence (``resolve.combine``) decides. Every filter here is general drafting knowledge: whose models a sentence
speaks of, whether recipients or the vendor act, whether the data is the user's, switched-off settings, content
handed out through APIs or licensed for fees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from termlens.analysis import clause_kinds as ck
from termlens.analysis import lexicon as lx
from termlens.analysis.fast_patterns import rx
from termlens.analysis.reading import Reading, SentenceReading
from termlens.analysis.resolve import NAMED_KINDS, SHARED_WITH, Proposal, combine
from termlens.analysis.statements import exception_conditions, has, recipient_is_subject
from termlens.analysis.terms import Category
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Condition, Verdict


def _about(r: SentenceReading, data: Sequence[Category]) -> int:
    """How directly a sentence speaks of the data asked about: 2 names it, 1 only through "your information"."""
    if r.names(*data):
        return 2
    if data[0] is Category.AI_IO:
        return 1 if r.names(Category.AI_IO_BROAD, Category.PERSONAL) else 0
    if r.names(Category.PERSONAL):
        # "User Content that is not personal data" speaks of content only: "personal data" does not
        # stand for usage data in a sentence that names content.
        return 0 if Category.USAGE in data and r.own & {Category.CONTENT, Category.AI_IO} else 2
    return 0


_AI_FEATURE_IO = rx(r"\b(?:inputs?|outputs?|prompts?)\b[^.;]{0,60}?\b(?:AI|artificial intelligence|"
                    r"generative)(?:[- ]|\s+)(?:features?|tools?|assistants?|services?)\b")


_RECIPIENTS_MODELS = rx(r"\btheir (?:own )?(?:\w+ ){0,2}?(?:AI|artificial intelligence|models?)\b")
# "Content being downloaded and used by third parties for AI purposes": others' use, not the vendor's.
_BY_OTHERS = rx(r"\b(?:used|downloaded|scraped|accessed|collected|copied) (?:\w+ ){0,2}?by (?:any )?"
                r"(?:third[- ]parties|others|other (?:companies|parties|users))\b")
# ("will not use them to train its own models", said of a vendor's supplier: "its" is the supplier's)
_ITS_OWN = rx(r"\bits own (?:[\w-]+ ){0,2}?(?:models?|AI|LLMs?)\b")
# ("its model providers" names the suppliers, not the vendor's models)
_OURS = rx(r"\b(?:our|its) (?:own )?(?:\w+ ){0,2}?(?:models?|algorithms?|LLMs?)\b"
           r"(?![- ](?:providers?|vendors?|suppliers?|partners?|hosts?)\b)")


# "Our platform allows you to use and fine-tune our models": the user trains, on the user's own data.
_USER_TRAINS = rx(r"\b(?:allows?|enables?|lets?) (?:you|users|customers) to (?:\w+ ){0,3}?"
                  r"(?:fine[- ]?tune|train|customi[sz]e)|"
                  r"\byou (?:can|may) (?:\w+ ){0,2}?(?:fine[- ]?tune|train)\b|"
                  # "You may apply the Inputs and Outputs to … training other models": the user's rights
                  r"\byou (?:can|may) (?:use|apply) [^.;]{0,160}?\b(?:training|to train)\b")


# Improving the algorithms themselves: "develop and improve our recommendation algorithms", "informing our algorithms",
# "improve our Services (including our algorithms)"; using an algorithm ("we use algorithms to sort your feed") is not.
_TUNES_ALGORITHMS = rx(
    r"\b(?:develop|improv|inform|refin|tun|optimi[sz])\w* (?:\w+ ){0,3}?(?:our|its|the) (?:[\w-]+ ){0,2}?algorithms\b|"
    r"\b(?:including|such as) (?:our|its) (?:[\w-]+ )?algorithms\b")


# What the vendor is, not what it does with data: "Acme is a company working on building artificial intelligence to …"
_WHO_WE_ARE = rx(r"^\W*(?:[\w.&-]+(?: [\w.&-]+)?|we) (?:is|are) (?:a|an) (?:(?!of\b)[\w-]+ ){0,3}?"
                 r"(?:company|organi[sz]ation|business|start-?up|lab(?:oratory)?|team|provider|developer)\b")


def decide_training(question: str, reading: Reading, data: Sequence[Category],
                    accept: Callable[[SentenceReading], bool] | None = None,
                    third_party: bool = False) -> Answer:
    """Resolve a "may X be used to train AI" question over the given data categories.

    ``third_party`` asks about others' models: a recipient's "to develop their services" then counts
    as a probable use, and a sentence about third parties' models needs no data word to count.
    """
    proposals: list[Proposal] = []
    for r in reading.sentences:
        c = r.cues
        if r.restricted:
            continue
        if c.ai_training and has(ck.RETENTION, r.sentence.text) and not has(_TO_TRAIN, r.sentence.text):
            continue  # how long fine-tuning data is kept is not what the vendor trains on
        if c.ai_training and "transfer" in r.sentence.text and has(ck.INTERNATIONAL_TRANSFER, r.sentence.text):
            continue  # where the data goes, for purposes stated elsewhere
        if c.ai_training and "request" in r.sentence.text and has(ck.RIGHTS_REQUEST, r.sentence.text):
            continue  # how a privacy request about training is handled says nothing of what data is trained on
        strength = _about(r, data)
        if not strength and third_party and c.third_party_models:
            strength = 2
        if third_party and has(_COLLECTS, r.sentence.text) and not has(SHARED_WITH, r.sentence.text) and not (
                c.ai_training or c.sale or c.third_party_models):
            continue  # what is collected, and from whom, says nothing of what others may do with it
        if not strength and third_party and (c.third_party or c.service_providers) and (
                has(ck.LIMITED_SHARING, r.sentence.text) or has(lx.CLOSED_LIST, r.sentence.text)) and has(
                _DATA_OR_SHARING, r.sentence.text):
            strength = 1  # "our contractors …, only for the limited purposes described": whatever data they get
        if third_party and not (c.ai_training or c.sale) and (
                has(ck.RECIPIENTS_BOUND, r.sentence.text) or has(ck.SHARING_CLOSED, r.sentence.text)):
            # Recipients bound to the vendor's instructions, or a closed list of the cases of sharing: others do
            # not get the data for their own purposes.
            proposals.append(Proposal(Verdict.UNLIKELY, r, max(strength, 1), r.conditions))
            continue
        if (c.ai_training or c.ai_development) and has(ck.POSTPONED, r.sentence.text) and not c.negated:
            # "We are postponing the use of your information to develop AI": the use is dormant for now,
            # whatever data the document elsewhere lists for it.
            proposals.append(Proposal(Verdict.UNLIKELY, r, 2, r.conditions))
            continue
        if (not strength and not third_party and c.ai_training and not c.negated and not r.categories
                and not has(_USER_TRAINS, r.sentence.text) and not has(_WHO_WE_ARE, r.sentence.text)
                and (Category.AI_IO not in data or reading.ai_service) and not has(lx.PUBLIC_SOURCES, r.sentence.text)):
            # "Improve the Platform … by training our machine learning models" in a list of purposes that
            # names no data: it is about the information the document covers, probably the user's too.
            proposals.append(Proposal(Verdict.LIKELY, r, 1, r.conditions))
            continue
        if (not strength and not third_party and Category.USAGE in data and not r.categories and not c.negated
                and has(_TUNES_ALGORITHMS, r.sentence.text)):
            # "… to improve and develop our Services (including our algorithms)" in a purpose list that names no data
            proposals.append(Proposal(Verdict.LIKELY, r, 1, r.conditions))
            continue
        if strength and c.ai_training and has(_USER_TRAINS, r.sentence.text) and not has(_OURS, r.sentence.text):
            continue  # what the user may train with the outputs is the user's right, not the vendor's use
        if not strength or (has(lx.PUBLIC_SOURCES, r.sentence.text) and not r.own - {Category.AI_IO_BROAD} - (
                {Category.PERSONAL} if has(_INCIDENTAL_PERSONAL, r.sentence.text) else set())):
            # ("Models are trained on data publicly available on the Internet, which may contain personal data":
            # the personal data is whatever the public web holds, not the user's.)
            continue
        if (has(ck.FROM_OTHER_SOURCES, r.sentence.text) or has(ck.RIGHTS_HOLDERS_CONTENT, r.sentence.text)
                or has(ck.THIRD_PARTY_CONTENT, r.sentence.text)):
            # "we obtain personal data from third-party sources to train", "Content … owned or controlled by third
            # party rights holders": not the user's own data
            continue
        if Category.USAGE not in data and has(ck.NOT_CONTENT_USE, r.sentence.text):
            continue  # cookies and retention periods say nothing of content
        if third_party and has(ck.BUSINESS_TRANSFER, r.sentence.text):
            continue
        conds = r.conditions
        # A limit on what the recipients of an onward grant may do does not close the vendor's own uses.
        closed = c.closed_list and (third_party or not (has(_ONWARD_THEN_LIMIT, r.sentence.text)
                                                        or has(_RECIPIENTS_LIMITED, r.sentence.text)))
        if third_party and made_available_to_others(r, strength):
            # Content made available to other companies, through an API or a data dump: others may train on it.
            # ("via our API" names the channel here, not an API plan.)
            proposals.append(Proposal(Verdict.LIKELY, r, strength, conds - {Condition.PLAN}))
            continue
        if accept is not None and not accept(r):
            # A closed list of what may be done with the data answers every use it leaves out (a licence the
            # vendor gives the user to its software is not one).
            if (closed and r.names(*data) and not c.ai_training and not _licence_to_user_only(r)
                    and not has(ck.RETENTION, r.sentence.text)):
                proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
            continue
        if not third_party and ((has(_RECIPIENTS_MODELS, r.sentence.text) and not has(_OURS, r.sentence.text))
                                or (has(_BY_OTHERS, r.sentence.text) and not has(_OURS, r.sentence.text))
                                or (c.negated and has(lx.OTHERS_DO_NOT, r.sentence.text))
                                or (c.negated and has(ck.NOT_USED_BY_RECIPIENTS, r.sentence.text))
                                or (c.negated and has(ck.NOT_HANDED_TO_OTHERS, r.sentence.text)
                                    and not has(_USE_VERB, r.sentence.text))
                                or (c.sale and c.third_party and not c.negated and not has(_OURS, r.sentence.text))
                                or (c.negated and has(ck.OTHERS_MODELS_ONLY, r.sentence.text)
                                    and (not has(_OURS, r.sentence.text) or has(_ITS_OWN, r.sentence.text)))
                                or (c.negated and (c.service_providers or c.third_party)
                                    and recipient_is_subject(r.sentence.text))):
            # What recipients do not do ("data sent to third-party AI providers is not used for training")
            # is not the vendor excluding its own use.
            continue
        if c.ai_training and c.negated and _under_switched_off_heading(reading, r):
            # "If the setting is off: your chats won't be used to train our models": used while it is on.
            proposals.append(Proposal(Verdict.YES if strength == 2 else Verdict.LIKELY, r, strength,
                                      conds | {Condition.OPT_OUT}))
        elif c.ai_training:
            verdict = Verdict.NO if c.negated else Verdict.YES if strength == 2 else Verdict.LIKELY
            # "We do not use your audio, video or chat … to train" reaches an AI feature's outputs only through a
            # broad defined term; "We will not use your Input or Output from an AI Feature to train" speaks of the
            # AI feature, not of everything the user stores: each excludes only part of what is asked about.
            partial = verdict is Verdict.NO and not reading.ai_service and (
                (data[0] is Category.AI_IO and Category.AI_IO not in r.own and bool(has(NAMED_KINDS, r.sentence.text)))
                or (data[0] is Category.CONTENT and Category.AI_IO in r.own
                    and bool(has(_AI_FEATURE_IO, r.sentence.text))))
            excepted = exception_conditions(r.sentence.text) if c.negated else frozenset()
            if excepted & {Condition.OPT_OUT, Condition.PLAN} and (Condition.OPT_IN not in excepted
                                                                    or Condition.OPT_OUT in excepted):
                # "We do not train on your data except on free plans, unless you opted out": for the
                # excepted users it is a default use.
                verdict, conds = (Verdict.YES if strength == 2 else Verdict.LIKELY), excepted
            elif Condition.DEIDENTIFIED in excepted and Condition.OPT_IN not in excepted:
                # "shall not use Prompts to train any model, save where they have first been de-identified": the
                # de-identified data is trained on.
                verdict, conds = (Verdict.YES if strength == 2 else Verdict.LIKELY), frozenset({Condition.DEIDENTIFIED})
            elif verdict is Verdict.NO and has(_IDENTIFYING_ONLY, r.sentence.text):
                # "We do not use Usage Information that identifies you to train": the rest (de-identified) is open.
                partial = True
            proposals.append(Proposal(verdict, r, 1 if partial else strength, conds, partial))
        elif third_party and c.negated and not c.ai_development and has(_OWN_PURPOSES, r.sentence.text):
            # "We do not share Recordings with third parties for their own purposes": training is one such purpose,
            # though not named
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif c.ai_development or (third_party and c.their_services and strength == 2 and not (
                has(_OWN_PURPOSES, r.sentence.text)
                and not has(lx.THEIR_SERVICES, _OWN_PURPOSES.sub(" ", r.sentence.text)))):
            # ("third parties who may view the website and use publicly-available information for their own purposes",
            # "partners who may use it for their own purposes": channels left open, weighed in third_party._left_open)
            proposals.append(Proposal(Verdict.NO if c.negated else Verdict.LIKELY, r, strength, conds))
        elif Category.USAGE in data and not third_party and not c.negated and has(_TUNES_ALGORITHMS, r.sentence.text):
            # "to develop and improve our personalised recommendation algorithms": such algorithms are fitted to how
            # people use the service, so usage data probably trains them (whether content does is left open)
            proposals.append(Proposal(Verdict.LIKELY, r, strength, conds))
        elif third_party and c.sale and not c.negated and c.third_party and strength == 2 and r.direct:
            # Content licensed or sold to other companies: nothing stops them training on it.
            proposals.append(Proposal(Verdict.LIKELY, r, strength, conds))
        elif third_party and c.confidential and r.names(*data):
            # Confidential content is shared only with those who need to know it: not for others' training.
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif third_party and c.sale and c.negated and not has(ck.LICENSED_NOT_SOLD, r.sentence.text):
            # "We do not sell your personal data": not selling is not the same as not letting others train.
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif third_party and (c.third_party or c.service_providers) and (
                has(lx.CLOSED_LIST, r.sentence.text) or has(ck.LIMITED_SHARING, r.sentence.text)):
            # "our contractors …, only for the limited purposes described above"
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif (r.in_licence or r.vendor_licence) and has(lx.NEW_VENTURES, r.sentence.text) and not third_party:
            proposals.append(Proposal(Verdict.LIKELY, r, strength, conds))
        elif r.vendor_licence and c.licence_broad and strength == 2 and not third_party:
            # A perpetual licence "to use … and commercially exploit" reaches training without naming it; a
            # perpetual one "as necessary to do the following: (1) provide the Services …" lists its purposes.
            verdict = (Verdict.LIKELY if has(lx.ANY_PURPOSE, r.sentence.text) else
                       Verdict.UNLIKELY if closed and not c.improve else Verdict.UNCLEAR)
            proposals.append(Proposal(verdict, r, strength, conds))
        elif c.sealed and r.names(*data) and not c.ai_training:
            # End-to-end encrypted against the vendor itself: it cannot read the content, let alone train on it
            # or hand it to others.
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif (r.vendor_licence and c.licence and strength == 2) or (
                closed and r.names(*data) and not _licence_to_user_only(r)
                and not has(ck.RETENTION, r.sentence.text)):
            # A licence or closed list "to operate, develop and improve the Service" leaves training open;
            # one limited to operating the service points away from it.
            verdict = (Verdict.UNCLEAR if (c.improve or not closed) and not c.negated and not third_party
                       else Verdict.UNLIKELY)
            proposals.append(Proposal(verdict, r, strength, conds))
        elif third_party and (c.third_party or c.service_providers) and has(_FOR_OUR_PURPOSES, r.sentence.text):
            # Shared "for the purposes described above, such as to help improve our Services": the recipients
            # serve the vendor's purposes, not their own.
            proposals.append(Proposal(Verdict.UNLIKELY, r, strength, conds))
        elif c.improve and c.negated and strength == 2 and not third_party and r.own & set(data) and has(
                ck.NOT_TO_DEVELOP, r.sentence.text):
            # "We will not use Customer Content to develop or improve the Services": training is one way of
            # developing a service, so the commitment excludes it.
            proposals.append(Proposal(Verdict.NO, r, strength, conds))
        elif c.improve and not c.negated and strength == 2 and not c.licence:
            # Ranked higher when the sentence names the data in its own words ("how people use our Services").
            proposals.append(Proposal(Verdict.UNCLEAR, r, 2 if r.own & set(data) else 1, conds))
    return combine(question, reading, proposals, "training of others' AI models" if third_party else "AI training",
                   data)


# An exclusion that reaches only data in identifying form ("Usage Information that identifies you").
_IDENTIFYING_ONLY = rx(
    r"\b(?:that|which) (?:could |can |would |may )?(?:directly |personally |reasonably )?identif(?:y|ies) (?:you|an "
    r"individual|individuals|your (?:business|organi[sz]ation))\b|\bin (?:an? )?(?:personally )?identifiable form\b|"
    r"\bidentifiable (?:[\w-]+ ){0,2}?(?:content|data|information|messages?|documents?)\b|"
    r"\bin a form that (?:could |can |would )?identif|sous une forme permettant de vous identifier")

_OWN_PURPOSES = rx(r"\bfor (?:their|its) own (?:\w+ )?purposes\b")
# (a sentence that also withholds the vendor's own use: "we will not use or share your content to train")
_USE_VERB = rx(r"\b(?:use|uses|used|using|process\w*|train)\b")
_TO_TRAIN = rx(r"\b(?:to (?:train|fine[- ]?tune|improve)|for (?:\w+ )?(?:training|fine[- ]?tuning))\b")
_INCIDENTAL_PERSONAL = rx(r"\b(?:may|might|can|could) (?:also |incidentally )?(?:contain|include) "
                          r"(?:some )?personal (?:data|information)\b")


# "Our contractors get the data only for the limited purposes described": a limit on what recipients get. "Others on
# our behalf may offer trials" speaks of no data at all.
_DATA_OR_SHARING = rx(r"\b(?:data|information|content|shar(?:e|es|ed|ing)|disclos\w+|access\w*|process\w*|"
                      r"transfer\w*)\b")


def _licence_to_user_only(r: SentenceReading) -> bool:
    """"We provide you a licence to use the software … solely for …": the vendor licenses the user, not the
    other way round."""
    return r.cues.licence and not r.vendor_licence and has(lx.LICENCE_TO_USER, r.sentence.text)


# The vendor is the one handing content out ("we make …", "Acme makes …", "the right for us to make …"),
# not the user warned before "making it available to third parties".
_VENDOR_HANDS_OUT = rx(r"\b(?:[Ww]e|[Uu]s|[Oo]ur)\b|"
                       r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:also )?(?:makes?|made|provides?|"
                       r"licenses?|distributes?|streams?|offers?|charges?)\b|"
                       # "this license includes the right for Acme to make all publicly-posted Content
                       # available to third parties"
                       r"\bright for [A-Z][\w.]* to (?:make|provide|license|distribute|offer)\b", 0)


def made_available_to_others(r: SentenceReading, strength: int) -> bool:
    """Content handed to other organisations for their own use, or licensed out for a fee, without saying what
    they may do with it."""
    c = r.cues
    text = r.sentence.text
    return (strength == 2 and not c.negated and not (c.service_providers or c.limited_sharing or c.closed_list)
            and (c.made_available or (c.sale and has(ck.LICENSING_OUT, text) and not c.ai_training))
            and has(_VENDOR_HANDS_OUT, text)
            and not c.third_party_models
            and not (c.ai_training and has(_RECIPIENTS_MODELS, text)))


def _under_switched_off_heading(reading: Reading, r: SentenceReading) -> bool:
    """Whether the sentence's section is headed by a switched-off setting ("If the … setting is off")."""
    at = r.sentence.section
    return at is not None and has(ck.SWITCHED_OFF, reading.structure.sections[at].heading.strip("#*_ "))


# "… and pass these rights along to others with whom we have contractual relationships, solely for the purpose of
# providing such Services": the limit binds the recipients of the onward grant, not the vendor's own use.
_ONWARD_THEN_LIMIT = rx(
    r"\b(?:pass\w* (?:\w+ ){0,3}?along|make \w+ (?:\w+ )?available|sub-?licen[cs]\w*|shar\w+|disclos\w+)\b[^.;]{0,200}?"
    r"\b(?:others|third[- ]part\w+|partners|service providers|contractors|affiliates)\b[^.;]{0,200}?"
    r"\b(?:solely|only|exclusively) (?:for|to)\b")

# "… and will not authorize them to use this information except for the express purpose for which it is provided",
# "We may allow access to our database by third parties that provide us with services, but only for the purpose of
# …": the purpose limit binds the recipients, not the vendor's own use.
_RECIPIENTS = r"(?:third[- ]parties|(?:service )?providers|companies|partners|vendors|contractors)"
_RECIPIENTS_LIMITED = rx(
    r"\b(?:authori[sz]e|permit|allow|require|instruct)\w* (?:them|(?:such |these |our |the )?(?:[\w-]+ )?"
    + _RECIPIENTS + r") (?:\w+ ){0,2}?(?:to (?:only )?use|not to use|from using)\b|"
    r"\b(?:allow|give|grant|provide)\w* (?:\w+ ){0,2}?access (?:to (?:[\w-]+ ){0,8}?)?(?:by|to) (?:\w+ ){0,2}?"
    + _RECIPIENTS + r"\b")

# Shared "for the purposes described above" or "to help us improve our Services": the recipients serve the vendor.
_FOR_OUR_PURPOSES = rx(
    r"\b(?:for the purposes (?:described|set out|outlined) (?:above|in this)|(?:help us|to help) (?:to )?"
    r"(?:improve|develop|provide|operate)\w* (?:\w+ ){0,2}?our (?:services?|products?|platform))\b")

# "We collect information you provide to us or to a vendor operating on our behalf": collection, not sharing.
_COLLECTS = rx(r"^\W*(?:\w+\W+){0,8}?we (?:also )?(?:may )?(?:collect|receive|obtain)\b")


CONTENT = (Category.CONTENT,)
AI_IO = (Category.AI_IO,)


def train_content_own(reading: Reading) -> Answer:
    """May the vendor train its own AI on users' content?"""
    if "train.content.own" not in reading.answers:
        # On an AI assistant the user's content is what they type and upload: their prompts and chats.
        data = CONTENT + AI_IO if reading.ai_service else CONTENT
        reading.answers["train.content.own"] = decide_training("train.content.own", reading, data)
    return reading.answers["train.content.own"]
