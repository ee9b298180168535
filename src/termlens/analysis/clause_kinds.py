"""Kinds of clause that change how a sentence is read: what is shared only on the vendor's behalf, who takes a
licence jointly, controls that point back, sentences that are about the document, definitions, risk
allocation, business transfers, confidentiality, licensing out, objections, dormant uses.

General knowledge of drafting, like ``lexicon`` (which re-exports these names); none names a vendor.
"""

from __future__ import annotations

from termlens.analysis.fast_patterns import rx as _rx

# Sharing limited to running the service: processors "on our behalf", providers "who help us provide the
# Services", recipients bound to use it "only for the purposes described".
LIMITED_SHARING = _rx(
    r"\b(?:on (?:our|its|\w+['’]s) behalf|(?:help|assist|support)\w* (?:us )?(?:to )?(?:provide|operate|run|deliver|"
    r"maintain)|as (?:reasonably )?necessary to (?:provide|operate|perform|deliver)|need to know|"
    r"(?:only|solely) (?:for|to) (?:the )?(?:limited |specific )?purposes?|(?:cannot|may not|can['’]t) be used for "
    r"(?:their|its|the (?:\w+ ){0,2}?\w+['’]?s?) own purposes)\b"
)
# What the recipients of shared data may do is bound to the vendor's instructions ("Pursuant to our instructions,
# these parties will access, process, or store Personal Data only in the course of performing their duties to us"),
# or the cases in which data is shared at all form a closed list ("We do not share your personal information …
# except in the following cases:"): others do not get it for their own purposes, training included.
RECIPIENTS_BOUND = _rx(
    r"\b(?:these|such|the(?:se)? (?:third )?)?(?:parties|entities|providers|vendors|processors|companies)\b[^.;]{0,40}?"
    r"\b(?:access|process|store|use)\w*\b[^.;]{0,80}?\b(?:only (?:in the course of performing their (?:duties|"
    r"services)|(?:in accordance with|pursuant to|based on|on) (?:our|\w+['’]s) instructions)|under (?:close )?"
    r"instruction from us)|"
    r"\b(?:pursuant to|based on|in accordance with) our instructions, (?:these|such|the) (?:parties|entities|"
    r"providers|vendors)\b|"
    # "These parties will only access, process or store personal data … in accordance with our instructions"
    r"\b(?:parties|entities|providers|vendors|processors|companies|recipients)\b[^.;]{0,40}?\bonly (?:access|process|"
    r"store|use)\w*\b[^.;]{0,100}?\b(?:in accordance with|pursuant to|according to|on) (?:our|\w+['’]s) instructions|"
    # "… and only use your data in the way we tell them to"
    r"\bonly (?:use|process) (?:your |the |such )?(?:personal )?(?:data|information)\b (?:in the way|as) we (?:tell|"
    r"instruct|direct) them\b|"
    # "prohibiting them from using personal data for any purpose other than to provide services to Acme"
    r"\b(?:prohibit\w*|bar(?:s|red|ring)?|restrict\w*|forbid\w*) (?:them|the \w+|such \w+) from using\b[^.;]{0,60}?"
    r"\bfor any (?:other )?purpose (?:other than|except|beyond)\b"
)
SHARING_CLOSED = _rx(
    r"\b(?:do not|don['’]t|will not|won['’]t) (?:share|disclose)\b[^.;]{0,120}?\bexcept (?:in|under) the following\b|"
    r"\b(?:share|disclose)\w* (?:\w+ ){0,6}?(?:only (?:under|in) (?:one of )?|under one of )the following (?:limited )?"
    r"(?:circumstances|cases|situations)\b|"
    r"\blimited (?:instances|circumstances|cases) in which we (?:will |may |would )?(?:share|disclose)\b|"
    # "Acme provides personal data to third parties only with consent or in one of the following circumstances"
    r"\b(?:provides?|shares?|discloses?|transfers?)\b[^.;]{0,80}?\bonly with (?:your )?consent or (?:in|under) "
    r"(?:one of )?the following\b"
)
# A licence taken jointly with the group or partners: "You grant us and our affiliates the right …".
GROUP_GRANTEE = _rx(
    r"\b(?:us|we|[A-Z]\w+) and (?:our|its) (?:affiliates|partners|group companies|subsidiaries)\b|"
    r"\b(?:affiliates|group companies)(?:,| may| to)\b"
)
# "If you don't want your data used in this way, change your settings": a control over the use just described.
ANAPHORIC_CONTROL = _rx(
    r"\b(?:in this way|for (?:this|these|such) (?:purposes?|uses?)|this (?:use|processing)|such (?:use|processing)|"
    r"(?:used|use it|use them|use your \w+) (?:like this|for this)|"
    # "If you would prefer that we don't, switch off …", "You can stop this at any time by switching off …",
    # "You can join or leave the Program at any time in Settings"
    r"(?:prefer|want|wish|like|rather) (?:that )?(?:we|us) (?:don['’]t|do not|not to|didn['’]t|did not)|"
    r"(?:stop|end|prevent|pause) (?:this|that|it)|"
    r"(?:join|leave|enrol\w*|enroll\w*|withdraw from|opt (?:in|out) of) (?:or leave )?(?:it|the (?:[\w-]+ ){0,3}?"
    r"(?:program|programme))|"
    # "The Administrator may enable or disable the Program", "You may opt out at any time as described in …"
    r"(?:enable|disable|turn (?:on|off)|switch (?:on|off))"
    r"(?: or (?:enable|disable|turn (?:on|off)|switch (?:on|off)))? "
    r"(?:it|the (?:[\w-]+ ){0,3}?(?:program|programme|setting|option))|"
    r"you (?:may|can) opt out(?: at any time)?(?=[.,;]| as | by | in | through | using )|"
    r"(?:switch|turn) (?:it|this|that) (?:off|on)|"
    # "Vous pouvez vous y opposer à tout moment", "ce choix", "cette option"
    r"vous y opposer|s['’]y opposer|ce choix|cette option)\b"
)
# Sentences about the document itself ("We added more details on how we train our models", "This section
# explains how your Content will be used"): they announce statements, they do not make them.
ABOUT_THE_DOCUMENT = _rx(
    r"\b(?:we(?:['’]ve| have)? (?:added|updated|clarified|revised|expanded|changed|made changes)\b[^.;]{0,60}?"
    r"\b(?:details?|information|explanations?|language|sections?|how)\b|this (?:section|policy|notice|page|document) "
    r"(?:explains|describes|sets out|tells you)|(?:learn|read|find out) more about how|"
    # "We've prepared this notice to explain how our models are trained"
    r"(?:this|the) (?:section|policy|notice|page|document)\W+(?:\w+\W+){0,4}?to (?:explain|describe|tell you)\b|"
    r"these are the terms that apply|these terms(?: of (?:service|use))?(?: \([^)]{0,20}\))? govern\b|"
    # "For more information about how we use personal data to develop our models, please see our notice"
    r"^\W*for more (?:information|details) (?:about|on|regarding)\b[^.;]{0,300}?\b(?:see|visit|read|refer to|review)\b)"
)
# A definition ("“Permitted Exception” means Customer using Output to develop models") says what a word
# means, not what the vendor does.
# ("That means we will not sell your Content" explains what came before; it defines nothing)
DEFINITION_SENTENCE = _rx(r"^(?!\W*(?:that|this|which|it|in other words)\b)\W{0,6}[A-Z][\w ’'-]{1,50}?\W{0,6}\s"
                          r"(?:means|shall mean|refers to)\b")
# First-person actor: the vendor itself speaks ("we", "our", "us").
FIRST_PERSON = _rx(r"\b(?:we|us|our|nous|notre|nos)\b")
# Transfers in a merger, acquisition or insolvency move the business, not data to others for their own use.
BUSINESS_TRANSFER = _rx(
    # ("in connection with a sale of Acme or the assets of Acme")
    r"\b(?:merger|acquisition|bankruptcy|insolvency|reorgani[sz]ation|in connection with (?:a|any|the) sale of|"
    r"sale of (?:all|some|substantially|our|the) "
    r"(?:\w+ ){0,3}?(?:assets|business|company)|potential buyers|transactional partners|change of control|"
    # "in the event we sell or transfer all or a part of our business or assets"
    r"(?:sell|transfer)(?: or (?:sell|transfer|merge))? (?:all|some|substantially all|(?:all )?or (?:a )?part) of "
    r"(?:\w+ ){0,3}?(?:assets|business|company))\b"
)
# Content made confidential ("Customer Content is Customer's Confidential Information"): the recipient may use
# it only to perform the agreement and share it only with those who need to know.
CONFIDENTIAL = _rx(
    r"\b(?:is|are|constitutes?|shall be (?:treated as|deemed)|will be treated as|as) (?:the )?(?:\w+['’]s? )?"
    r"Confidential Information\b|\bconfidential(?:ly)? and (?:will|shall) not (?:be )?(?:disclosed|shared)"
)
# Licensing content out to others for a fee ("we charge licensing fees for large-scale access").
LICENSING_OUT = _rx(
    r"\b(?:licensing fees?|data licensing|licen[cs]e (?:\w+ ){0,3}?(?:content|data|posts) to|charge (?:\w+ ){0,3}?"
    r"fees? for (?:\w+ ){0,4}?access|make (?:\w+ ){0,4}?available (?:\w+ ){0,4}?for (?:a )?fee)\b"
)
# The user's legal right to opt out of sales ("Nevada law requires … a way to opt-out of the sale of Personal Data",
# "the right to know what personal data we … sell"): boilerplate about rights, not a statement that data is sold.
SALE_RIGHTS = _rx(
    r"\b(?:right|request|requests|way) to (?:\w+ ){0,4}?opt[- ]?out of (?:the )?(?:\w+ )?(?:sale|selling|sharing)\b|"
    r"\b(?:disclose|know) (?:what|which) (?:personal )?(?:data|information) we (?:[\w,]+ ){0,6}?sell\b"
)
RIGHT_TO_OBJECT = _rx(r"\b(?:right to object|(?:can|may) object|object to|droit d['’]opposition|vous opposer)\b")
# Liability, indemnity and warranty clauses allocate risk; they never grant or deny a use of data, whatever
# words ("advertising", "not", "only") they list.
RISK_CLAUSE = _rx(
    r"\b(?:indemnif\w+|hold (?:\w+ )?harmless|(?:exclude|disclaim|limit)\w*\b[^.;]{0,80}?\bliabilit\w+|"
    # "our liability will be limited to providing you with a replacement"
    r"liabilit\w+ (?:\w+ ){0,3}?(?:is|are|will be|shall be) (?:\w+ )?limited\b|"
    r"(?:not|never) (?:be )?(?:liable|responsible)|no (?:guarantees?|warrant(?:y|ies))|"
    r"you (?:hereby )?(?:\w+,? )?(?:represent|warrant|promise)s?,? (?:and|that)|"
    r"(?:accept|assume|bear|have) no (?:\w+ )?liabilit\w+|"
    # "We do not assume any liability for:", "We will not hold You liable"
    r"(?:do|does|will|shall) not (?:assume|accept|bear) (?:any )?liabilit\w+|"
    r"not hold (?:you|\w+) (?:liable|responsible)|"
    # the arbitration's own documents are kept confidential: dispute procedure, not a use of the user's data
    r"(?:in the course of|during|in) (?:the|an|any) arbitration\b|"
    r"\bclaims? (?:\w+ ){0,4}?arising (?:from|out of)|"
    # "Output may contain material that resembles the model's training data": a warning about outputs
    r"(?:outputs?|responses?|results?) (?:may|might|can|could) (?:not be|contain|include|resemble|reflect|be "
    r"(?:inaccurate|incorrect|similar|offensive))|"
    r"(?:does|do|cannot|can['’]t) not? ?(?:guarantee|warrant|ensure)|makes? no (?:representations?|warrant\w+))\b"
)
# Sentences that say how long data is kept, or which cookies and trackers third parties set, do not grant a
# use of the user's content, whatever purposes ("marketing", "advertising") they list.
NOT_CONTENT_USE = _rx(
    r"\b(?:retention periods?|how long we (?:keep|retain)|cookies?|pixels?|web beacons?|trackers?|"
    r"tracking technolog\w+|"
    r"SDKs?|advertising (?:IDs?|identifiers?)|device identifiers?|"
    # "Acme may display advertisements adjacent to Your Content": ads placed beside the content, not made from it
    r"(?:ads|advertisements?)\b[^.;]{0,60}?\b(?:adjacent to|alongside|next to|beside) (?:your|user|the|such))\b"
)
# How long data is kept ("we do not retain your messages", "processed only as long as necessary … and not retained
# further"): a limit on storage, not a list of what the data is used for.
RETENTION = _rx(
    # "we keep your fine-tuning data until you delete it"
    r"\b(?:keep|retain|store)\w* (?:[\w-]+ ){0,6}?until (?:you|your|the|we|it)\b|"
    r"\b(?:do not|don['’]t|will not|won['’]t|not) (?:\w+ )?retain\w*\b|\b(?:are|is) not retained\b|"
    r"\bdeleted from our servers\b|\b(?:retain|keep|store)\w* (?:\w+ ){0,6}?(?:only )?(?:for )?as long as\b|"
    r"\bonly (?:for )?as long as (?:is )?(?:necessary|needed|required)\b"
)
# End-to-end encryption that keeps the vendor itself from reading messages: it cannot train on them or use them
# for ads ("your messages are encrypted to protect against us and third parties from reading them").
END_TO_END = _rx(
    r"\bend[- ]to[- ]end[- ]encrypt\w*\b[^.;]{0,160}?\b(?:protect against us|(?:we|us|\w+) (?:cannot|can['’]t|"
    r"(?:are|is) not able to|(?:are|is) unable to|(?:do|does) not have (?:the )?(?:ability|keys?) to) (?:\w+ )?"
    r"(?:read|see|access|listen|decrypt)|(?:no one|nobody) (?:else|outside)?[^.;]{0,40}?(?:including|not even) "
    r"(?:us|\w+))"
)
# "You waive any right to approve marketing materials related to your content": marketing is contemplated.
MARKETING_WAIVER = _rx(
    r"\b(?:approv\w+|inspect\w+|review)\w* (?:\w+ ){0,2}?(?:marketing|promotional|advertising)"
    r"(?: or (?:marketing|promotional|advertising))? (?:materials?|copy)\b"
)
# "At present we are postponing / pausing the use of your information to develop AI": a dormant use.
POSTPONED = _rx(
    r"\b(?:postpon\w+|paus(?:e|ed|ing)|delay(?:ed|ing)?|put on hold|report(?:ons|é|ée|er)|suspend(?:ed|ing|ons)|"
    r"(?:will|shall) (?:let you know|inform you|notify you|tell you) (?:before|prior to)|"
    r"vous tiendrons au courant avant)\b"
)
# Publicity and customer-reference clauses ("identify you as a customer", "use your name and logo in our
# marketing materials", "case studies with your approval") concern the customer's brand, not user content.
PUBLICITY = _rx(
    r"\b(?:identify (?:you|customer|licensee|subscriber|\w+) as (?:a |an |our )?(?:customer|client|user|licensee|"
    r"subscriber)|(?:customer|client) (?:lists?|references?|testimonials?)|case stud(?:y|ies)|"
    r"(?:your|customer['’]s|its|company|organi[sz]ation['’]s) (?:company |business |trade |organi[sz]ation )?"
    r"(?:names?|logos?|trademarks?|marks|brand (?:names?|features))(?:,? (?:and|or) (?:logos?|trademarks?|marks))?|"
    r"(?:marketing|promotional) materials)\b"
)


# Data that is not the user's: "we obtain personal data from third-party sources", "Content … owned or controlled
# by third party rights holders" delivered under separate agreements.
FROM_OTHER_SOURCES = _rx(r"\b(?:obtain|receive|collect|get|acquire)\w* (?:\w+ ){0,3}?from (?:the following |"
                         r"other |various )?(?:third[- ]party|public|external) sources\b|"
                         # "we access datasets provided by third parties for our model training purposes"
                         r"\b(?:data ?sets?|data|corpora) (?:provided|supplied|licensed|obtained|purchased) (?:to us )?"
                         r"(?:by|from) (?:third[- ]part(?:y|ies)|partners|other (?:companies|organi[sz]ations))\b")
# "the Third-Party Content you provide in Your Input": material others own, not the user's own content
THIRD_PARTY_CONTENT = _rx(r"\bthird[- ]party content\b")
RIGHTS_HOLDERS_CONTENT = _rx(
    r"\b(?:owned|controlled|licensed)(?: or (?:owned|controlled|licensed))? by third[- ]part(?:y|ies)(?: rights ?"
    r"holders| licensors)?|\bdelivered (?:\w+ ){0,4}?under separate (?:agreements|licen[cs]es)\b")
# An exclusion whose object is only others' models ("we do not use your conversations to train third-party
# models"): it says nothing of the vendor's own models. "to train Acme or third-party models" is not this,
# because the verb's object starts with the vendor.
OTHERS_MODELS_ONLY = _rx(
    r"\b(?:train\w*|improv\w*|develop\w*|fine[- ]?tun\w*) (?:(?:or|and) \w+ )?(?:the )?(?:third[- ]part(?:y|ies)['’]?|"
    r"other companies['’]?|"
    r"their(?: own)?|others['’]|partners['’]) (?:[\w-]+ ){0,2}?(?:models?|AI|LLMs?|products)\b|"
    r"\bfor (?:their|its|the \w+['’]s) own (?:independent )?(?:\w+ )?(?:model )?training\b|"
    # "each vendor … will not use them to train or improve its own models": "its" is the recipient's
    r"\b(?:vendors?|providers?|suppliers?|processors?|sub-?processors?|partners?|licensees?)\b[^.;]{0,160}?"
    r"\b(?:train|improv|develop|fine[- ]?tun)\w* (?:or (?:train|improv|develop)\w* )?its (?:own )?(?:[\w-]+ ){0,2}?"
    r"(?:models?|AI|LLMs?)\b"
)
# "shall not sell, license or otherwise make available Subscriber Content to any third party for the purpose of
# training": what is withheld is the hand-over to others, not the vendor's own use.
# Also "will not be passed to any other organization", "do not release … to outside parties", "We do not share personal
# information with companies, organizations and individuals outside of Acme", and, with no recipient named, "your
# address book is private and will not be disclosed."
NOT_HANDED_TO_OTHERS = _rx(
    r"\b(?:not|never|n['’]t|nor)\b (?:\w+ ){0,3}?(?:sell|rent|licen[cs]e|disclose|share|provide|transfer|give|release|"
    r"trade|pass(?: on| along)?|make (?:\w+ ){0,3}?available|be (?:sold|rented|licen[cs]ed|disclosed|shared|provided|"
    r"transferred|released|passed(?: on| along)?|given|made available))\b"
    r"[^.;]{0,120}?\b(?:to|with) (?:any )?(?:third[- ]part(?:y|ies)|other (?:companies|organi[sz]ations|persons?|"
    r"parties)|others|anyone else|any other (?:person|party|company|organi[sz]ation|entity)|"
    r"(?:outside|unaffiliated|non-?affiliated) (?:third[- ]part(?:y|ies)|parties|companies|organi[sz]ations)|"
    r"(?:companies|organi[sz]ations)(?:,? (?:and |or )?(?:organi[sz]ations|individuals))* outside)\b|"
    r"\b(?:not|never) be (?:sold|rented|disclosed|shared|released|passed on)(?= *(?:[.;]|$))")
# "… and are not used by them for training": the recipients' use is negated, by a passive agent.
NOT_USED_BY_RECIPIENTS = _rx(
    r"\b(?:not|never) (?:be )?(?:used|retained|processed|stored) by (?:them|any of them|(?:such|these|those|any|the) "
    r"(?:\w+ ){0,2}?(?:providers?|vendors|partners|processors|sub-?processors|third parties|companies)|"
    r"third[- ]part(?:y|ies) (?:\w+ )?(?:providers?)?)\b"
)
# "will not use Customer Content to develop or improve the Services": the use itself is denied, with the purpose.
NOT_TO_DEVELOP = _rx(
    r"\b(?:not|never|n['’]t)\b (?:\w+ ){0,2}?(?:use|process|access)\w* (?:\w+ ){0,4}?(?:to|for|in order to) "
    r"(?:the purposes? of )?(?:develop\w*|improv\w*|enhanc\w*)\b"
)
# A heading that puts the section under a switched-off setting ("If the Keep Activity setting is off", "When you
# opt out"): what the section says is not done holds only after the user switches it off, so it is done by default.
SWITCHED_OFF = _rx(
    r"^\W*(?:if|when|once|after) (?:\w+ ){0,6}?(?:(?:is|are) (?:turned |switched )?off|(?:is|are) disabled|"
    r"(?:turn|switch)\w* (?:\w+ ){0,4}?off|disabl\w+|opt(?:s|ed)? out|pause\w*)\b"
)
# Content handed to other organisations to use ("make Content available to other companies", "via our API",
# "a Creative Commons data dump", "a firehose stream to subscribers"): nothing stops the recipients training on it.
MADE_AVAILABLE_TO_OTHERS = _rx(
    # the vendor makes it available, not the user ("if you make your content available through other services")
    r"\b(?<!you )(?<!users )(?:mak(?:e|es|ing)|made) (?:[\w’'-]+ ){0,8}?available (?:\w+ ){0,2}?(?:to|via|through) "
    r"(?:\w+ ){0,3}?"
    r"(?:other companies|organi[sz]ations|third[- ]part(?:y|ies)(?! (?:services?|materials?|sites?|websites?|apps?))|"
    r"subscribers|developers|researchers|business partners|(?:\w+ ){0,3}?API|(?:\w+ ){0,3}?data dumps?)\b|"
    r"\b(?:provid(?:e|es|ed|ing)|stream\w*|syndicat\w+|distribut\w+) (?:[\w’'-]+ ){0,4}?(?:to|with) (?:\w+ ){0,2}?"
    r"subscribers\b|\b(?:firehose|data dumps?)\b|\ballow (?:\w+ ){0,3}?others to have derivative rights\b|"
    # "to make Your Content available for syndication, broadcast, distribution, or publication by other companies"
    r"\bavailable for (?:syndication|distribution|publication|broadcast)\b[^.;]{0,80}?\bby (?:other companies|"
    r"organi[sz]ations|third[- ]part(?:y|ies)|partners)\b"
)
# Data that never reaches the vendor: "These names will be stored solely on your device … and are never sent to Acme
# servers", "it never leaves your device". The vendor cannot train on it, market with it or sell it.
ON_DEVICE_ONLY = _rx(
    r"\bnever (?:sent|transmitted|uploaded|shared) (?:to|with) (?:our|\w+) servers\b|"
    r"\bnever leaves? (?:your|the) device\b|"
    r"\b(?:stored|kept|processed) (?:solely|only|exclusively) (?:locally )?on (?:your|the user['’]s) device\b"
)
# A service without ads: "we do not host advertising on our site", "We still do not allow third-party banner ads on
# our Services". Nothing is targeted with the user's content there (the vendor may still market itself).
AD_FREE = _rx(
    r"\b(?:(?:do|does|will) not|don['’]t|doesn['’]t|won['’]t) (?:host|show|display|serve|run|allow|place|sell) "
    r"(?:any )?(?:third[- ]party )?"
    r"(?:banner )?(?:advertising|advertisements|ads) (?:on|in)\b|\bno (?:third[- ]party )?(?:ads|advertising) "
    r"(?:on|in) (?:our|the)\b|"
    # "Acme Journal is paid for by subscriptions, not by advertising", "the app is ad-free"
    r"\b(?:paid for|funded) by (?:\w+ )?subscriptions?,? (?:and )?not (?:by )?(?:advertising|ads)\b|"
    r"\b(?:is|are|remains?|stays?) (?:\w+ )?ad[- ]free\b"
)
# Public content left open to others with no limit on what they do with it: "Acme also allows third parties to
# access public Acme content via the Acme API", "we also make this public information available through what are
# called APIs", "we do allow third parties, such as research organizations or archives, to compile public-facing
# information", "We may share the following information with … business partners and the general public". Whether
# those others train on it is left open, whatever the document says of the private data it shares.
PUBLIC_OPEN_TO_OTHERS = _rx(
    r"\b(?:allows?|permits?|lets?|enables?)\s+(?:[\w,]+\s+){0,6}?(?:third[- ]part(?:y|ies)|others|developers|"
    r"researchers|research organi[sz]ations|archives|partners)\b[^.;]{0,80}?\bto (?:access|compile|collect|"
    r"download|retrieve|use)\b[^.;]{0,60}?\bpublic|"
    r"\bmake (?:this |that |such |your )?public(?:ly available)? (?:\w+ ){0,2}?(?:information|content|data)\b"
    r"[^.;]{0,30}?\bavailable (?:to|via|through)\b|"
    r"\bAPIs? for use by third[- ]parties\b|"
    r"\b(?:with|to) (?:\w+ ){0,3}?business partners,? and (?:with )?the general public\b|"
    # "third parties who may view the website and use publicly-available information for their own purposes"
    r"\b(?:third[- ]part(?:y|ies)|others|other (?:users|people|companies))\b[^.;]{0,80}?\buse (?:any )?"
    r"public(?:ly[- ]available)? (?:\w+ )?(?:information|content|data|posts)\b"
)
# The same in the passive: "Information you make public may be downloaded and used by third parties", "public posts may
# be indexed by search engines" (being seen is not being used: a verb of taking or using is needed)
PUBLIC_USED_BY_OTHERS = _rx(
    r"\bpublic\w*\b[^.;]{0,120}?\b(?:can|may|will|could) (?:also )?be (?:(?:seen|viewed|read),? (?:and |or )?)*"
    r"(?:accessed|collected|copied|downloaded|indexed|used|reused|redistributed|shared)\b[^.;]{0,40}?\bby (?:anyone|"
    r"anybody|everyone|others|other (?:people|users|companies)|third[- ]part(?:y|ies)|search engines|the (?:general )?"
    r"public)\b"
)
# "The applications and the Content are licensed, not sold, to you": the vendor's own material, not the user's.
LICENSED_NOT_SOLD = _rx(r"\blicen[cs]ed,? (?:to you,? )?(?:and )?not sold\b|"
                        # "The software and the Content are not sold or transferred to you": what the user buys
                        r"\bnot sold (?:or transferred )?to you\b")
# An exclusion that covers one source or one feature, not the user's data at large: data from a service the user
# connects ("If you connect a third-party service …, we do not use this third-party service to train"), from an
# account linked through OAuth or received through another company's API, or an example of one feature's data
# ("For example, the information you provide to Acme Health is not used to train"). It says nothing of the rest,
# and by contrast hints that the rest may be used.
SCOPED_SOURCE = _rx(
    r"\b(?:if|when|where|once) you (?:choose to |opt to |decide to |elect to )?(?:connect|link|integrate|sync)\w* "
    r"(?:\w+ ){0,4}?(?:third[- ]party|external|other|connected) (?:\w+ ){0,2}?(?:services?|apps?|applications?|"
    r"accounts?|platforms?|tools?|integrations?)\b|"
    r"\bfor users who (?:\w+ ){0,2}?(?:connect|link|integrate)\w*\b|\bvia (?:\w+ ){0,2}?OAuth\b|"
    r"\b(?:information|data|content) (?:received|obtained) (?:from|through|via) (?:\w+ ){0,2}?APIs?\b|"
    r"^\W*(?:for example|for instance),? (?:the )?(?:information|data|content) (?:that )?you (?:provide|submit|share|"
    r"upload|give)\w* (?:to|in|with|through|via) (?!us\b|our\b|the\b)(?-i:[A-Z])")
# A pointer to another text about a subject, not a statement about the user's data: "If you would like to learn
# more about our model mechanism or training methods, please refer to …", "We have published the '… Training
# Methods Explanation' to clarify …".
POINTER = _rx(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:if you (?:would like|want|wish) to (?:learn|know|find out|read) more about "
    r"(?:(?!\b(?:we|your?)\b)[^.;,])*,? (?:please )?(?:refer to|see|visit|read|consult|review)\b|"
    r"we have published (?:the |a |an |our )?[\"“\[])"
)
# How the vendor handles the user's privacy requests ("when your request concerns the training of our models, your
# rights have technical limitations and fulfilling your requests might involve a complex process"): a procedure,
# not a statement of what data is used for.
RIGHTS_REQUEST = _rx(r"\b(?:when|if|where) your request (?:concerns|relates to|involves|is about)\b|"
                     r"\bfulfill?(?:ing|ment of)? (?:your|such|these) requests?\b")
# A cross-border transfer clause ("your personal data is transferred to our servers in the US, or to other countries
# outside the EEA, for the purposes outlined in Section 2, for example … to train our models") says where data goes
# and points back to the purposes stated elsewhere; it grants no use of its own.
INTERNATIONAL_TRANSFER = _rx(
    r"\b(?:is|are|be|may be) transferr?ed (?:\w+ ){0,3}?to (?:\w+ ){0,4}?(?:servers|countries|jurisdictions|"
    r"the (?:US|U\.S\.|United States))\b|\b(?:transfer|transfers) of (?:your )?(?:personal )?(?:data|information) "
    r"(?:to|outside)\b"
)

# A plain-language summary ("> Basically… Acme won't use your content to train", "Put simply, …") restates the clause
# beside it.
SUMMARY = _rx(r"^\W*(?:basically|in short|in summary|summary|tl;?dr|in plain (?:english|language)|"
              r"the short version|at a glance|(?:more )?simply put|put simply)\b")

# A sentence that speaks of the licence just granted: "The rights you grant in this licence are for …", "This license
# is for the sole purpose of …", "This is solely for the purposes of …" (right after the grant).
LICENCE_ANAPHOR = _rx(
    r"\b(?:this|that|the above|such) (?:licen[cs]e|permission)\b|\bthe (?:rights|licen[cs]e) (?:that )?you grant\b|"
    r"\bthe licen[cs]e (?:granted|above)\b|"
    r"\bthese rights\b|^\W*this is (?:solely|only|exclusively|for)\b")
