"""Cue words of legal drafting, as compiled patterns (English, with cheap French equivalents).

Every pattern here is general knowledge about how terms and privacy policies are written; none
names a vendor or a document. Patterns are bounded (no unbounded ``.*``) so that a 5 MB line
still scans in linear time.
"""

from __future__ import annotations

from termlens.analysis import ai_words as _ai
from termlens.analysis import condition_words as _conditions
from termlens.analysis import grant_words as _grants
from termlens.analysis.fast_patterns import rx as _rx

# --- AI / machine learning (in ai_words; callers read them here as lx.TRAIN_WORDS, …) ------------

AI_WORDS = _ai.AI_WORDS
TRAIN_WORDS = _ai.TRAIN_WORDS
TRAIN_MODELS = _ai.TRAIN_MODELS
AI_PURPOSE = _ai.AI_PURPOSE
AI_AS_PURPOSE = _ai.AI_AS_PURPOSE
IMPROVE_WORDS = _ai.IMPROVE_WORDS

# --- polarity ---------------------------------------------------------------------------------

NEGATION = _rx(
    r"\b(?:not|never|no longer|neither|nor|won['’]t|don['’]t|doesn['’]t|isn['’]t|aren['’]t|"
    r"shan['’]t|cannot|can['’]t|without using|restrict\w* (?:\w+ ){0,6}?from|prohibit\w*|forbid\w*|"
    r"disclaims?|n['’]utilis\w+ pas|ne \w+ pas|n['’]\w+ pas|jamais|aucun\w*)\b"
)
# A negation only denies a data-use statement when it governs the use verb ("does not use",
# "will never sell", "may not train"); "where you have not engaged" denies nothing we care about.
_USE_VERBS = (
    r"(?:use|uses|using|used|process\w*|train\w*|sell|sells|selling|sold|share|shares|sharing|shared|access|"
    r"disclose\w*|licensed|rented|owned|own|permit\w*|allow\w*|authori[sz]e\w*|"
    r"licen[cs]e|rent|monetiz\w*|employ|utili[sz]e|exploit|provide|ma(?:k|d)e (?:it |them )?available|read|view|"
    r"look at|claim|obtain|acquire|include|utilis\w+|vend\w*|partag\w*|feed|"
    # handing data over: "will not be passed to any other organization", "do not release … to outside parties"
    # ("transferred" is left out: "rights that cannot be transferred to us" speak of the rights, not of data)
    r"release[sd]?|passed|give|given)"
)
NEGATED_USE = _rx(
    r"\b(?:not|never|no longer|\w+n['’]t|cannot|shall not|nor)\b"
    r"(?:\W+(?!and\b|but\b|or\b|so\b|which\b|for\b)\w+){0,4}?\W+"
    + _USE_VERBS + r"\b|\brestrict\w* (?:\w+ ){0,6}?from\b|\b(?:prohibit\w*|forbid\w*|disclaims?)\b|"
    # "Neither Acme nor the author of the model you deploy will use …"
    # ("… in which neither you nor your viewers are identified, and to train …" denies nothing)
    r"\bneither\b[^.;]{1,80}?\bnor\b[^.;]{1,60}?\b(?:will|shall|may|do|does|is|are|can|could|would)(?: ever)? "
    r"(?:be )?" + _USE_VERBS + r"\b|"
    # "In no event shall Acme use …", "no Customer Data will be used to train …"
    r"\b(?:in no event|under no circumstances|at no time)\b[^.;]{0,40}?\b(?:shall|will|may|do|does|is|are)\b|"
    r"\bno (?:[\w-]+ ){1,3}?(?:will|shall|may|is|are) (?:ever )?(?:be )?(?:used|processed|shared|sold|disclosed|"
    r"made available)\b|"
    # "This license does not grant Acme the right to sell Your Content"
    r"\b(?:not|n['’]t) (?:grant|give|confer|include)\w* (?:\w+ ){0,3}?(?:the |any )?rights? to " + _USE_VERBS + r"\b|"
    # "Acme refrains from using …", "no Subprocessor is permitted to use …", "is not permitted, under its contract
    # with us, to use …"
    r"\brefrain\w* from\b|\bno (?:\w+ ){0,2}?(?:is|are|shall be|will be) (?:permitted|allowed|authori[sz]ed) to\b|"
    r"\b(?:is|are) not (?:permitted|allowed|authori[sz]ed)\b(?:,[^,.;]{0,60},)? to (?:\w+ )?" + _USE_VERBS + r"\b|"
    r"\bne (?:\w+ ){1,2}?(?:pas|jamais|aucun\w*|nullement)|\bn['’]\w+ (?:(?:\w+ )?(?:pas|jamais|aucun\w*|nullement)|"
    r"en aucun cas)"
)
# "Acme agrees, whether or not Your Content is NoAI Content, not to use … or to license …": the vendor's own promise,
# which the "not to use" of user restrictions ("You agree not to use the Services to …") must not hide.
VENDOR_PROMISES_NOT_TO = _rx(
    r"\b(?!(?:You|Users?|Customers?|Members?|Subscribers?|Licensees?|Clients?)\b)(?:[Ww]e|[A-Z][\w.&-]*) "
    r"(?:hereby )?(?:agrees?|commits?|undertakes?|promises?)\b[^.;]{0,80}?"
    r"\bnot to (?:use|licen[cs]e|sell|share|disclose|provide|train)\b", 0)
# "To improve the Services (excluding model training)": a purpose that leaves training out is not about training.
TRAINING_CARVED_OUT = _rx(
    r"\b(?:excluding|except for|other than|not including) (?:\w+ ){0,2}?(?:model |AI )?training\b"
)
# "will not access, view or process Content except (a) … (b) …": a closed list of permitted uses.
NOT_EXCEPT = _rx(r"\b(?:not|never|only)\b(?:\W+\w+){0,14}?\W+(?:except|other than|save (?:as|for))\b")
IMPROVE_SERVICES = _rx(
    r"\b(?:improv\w+|develop\w*|enhanc\w+|optimi[sz]\w+|am[ée]lior\w+|d[ée]velopp\w+)\b(?:\W+\w+){0,8}?\W+"
    r"(?:services?|products?|features?|platform|offerings?|technolog\w+|produits|fonctionnalit[ée]s|(?:web)?sites?|"
    r"apps?|applications)\b|"
    # the same purpose in plain words: "so we can make our Services better", "decide what new features to build",
    # "Product and Service optimization"
    r"\bmake (?:\w+ ){0,2}?(?:services?|products?|features?|platform|apps?|sites?) better\b|"
    r"\b(?:build|create|design) (?:new |better )(?:\w+ )?(?:services|products|features)\b|"
    r"\bnew (?:\w+ )?(?:services|products|features) to build\b|"
    r"\b(?:services?|products?|features?|platform) (?:\w+ ){0,2}?optimi[sz]ation\b|"
    # "information we collect from all of our services to provide, maintain and improve them, to develop new ones"
    r"\b(?:services|products)\b(?:\W+\w+){0,8}?\W+(?:improv\w+|enhanc\w+) (?:them|it)\b|\bdevelop\w* new ones\b|"
    # "to provide … and improve Acme", "for the purposes of operating, developing, providing, and using Acme": the
    # product by its name (a capitalised data term, "develop Your Content", is not one)
    r"\b(?:improv|develop|enhanc)\w*(?:,? (?:and |or )?[a-z]+ing){0,4},? (?:and |or )?"
    r"(?!(?-i:Your|User|Customer|Member|Content|Data|Information|Materials?|Submissions?|Inputs?|Outputs?|"
    r"Derivative|Feedback)\b)(?-i:[A-Z][\w.-]+)\b"
)
AI_DEVELOP = _rx(
    r"\b(?:improv\w+|develop\w*|enhanc\w+|am[ée]lior\w+|d[ée]velopp\w+)\b(?:\W+\w+){0,6}?\W+"
    r"(?:AIs?|artificial intelligence|machine learning|generative AI|IA|intelligence artificielle)\b|"
    # learning systems named by what they do: "to help improve our audio recognition technologies"
    r"\b(?:improv\w+|develop\w*|enhanc\w+)\b(?:\W+\w+){0,5}?\W+(?:speech|voice|audio|image|face|language)[- ]"
    r"recognition(?: technolog\w+| models?| systems?| algorithms?)?\b|"
    r"\b(?:AI|artificial intelligence) (?:features?|technolog\w+|products?|systems?)\b.{0,40}?\bdevelop|"
    # "may use artificial intelligence, machine learning … to analyze and process your content … to develop, provide
    # and improve intelligent features": the data is processed by learning systems to develop them
    r"\b(?:use|uses|using)\b (?:\w+\W+){0,3}?(?:artificial intelligence|machine learning)\b[^.;]{0,80}?"
    r"\b(?:analy[sz]\w+|process\w*)\b[^.;]{0,120}?\bto (?:\w+,? (?:and |or )?){0,3}?(?:develop|improv)\w*|"
    # "we make suggestions based on historical use and predictive models": models built from what users do
    r"\bbased on (?:\w+ ){0,3}?(?:use|usage|activity|data|behaviou?r) and (?:predictive|machine[- ]learning|"
    r"statistical) models?\b"
)
THEIR_SERVICES = _rx(
    r"\b(?:develop|improve|train)\w* (?:their|its) (?:own )?(?:services?|products?|models?|AI)\b|"
    # "We do not share Recordings with third parties for their own purposes"
    r"\bfor (?:their|its) own (?:\w+ )?purposes\b|"
    r"\b(?:develop\w*|improv\w*)\b[^.;]{0,80}?\b(?:products|services)\b[^.;]{0,20}?\b(?:across|of) (?:our|the|its) "
    r"(?:corporate group|group companies|family of companies|affiliates)\b"
)
MARKETING_USE = _rx(
    r"\b(?:use|uses|using|used|display\w*|show\w*|promot\w+|feature|include|personali[sz]\w*|target\w*|"
    r"tailor\w*|customi[sz]\w*|place|put|serve|publicit\w*|personnalis\w*|showcase|highlight|spotlight)\b"
)
# Negations that do not deny the statement itself.
FALSE_NEGATION = _rx(
    r"\b(?:not limited to|but not limited|(?:and|but) not (?:by way of )?limitation|whether or not|may or may not|"
    r"not only|if you do not|(?:choose|elect|ask) (?:for us |us )?not to|"
    r"if you don['’]t|do not want|don['’]t want|not to use|unless|not (?:be )?(?:able|required)|"
    r"do not (?:agree|accept)|not affiliated|not responsible|not liable|not intended|(?:have|has) not opted out|"
    r"not opted out|do not opt out|(?:does|do|did) not (?:consent|agree)|no guarantees?|not guarantee\w*|"
    r"does not imply|not (?:be )?(?:deemed|construed)|to not \w+|not to \w+|"
    r"not (?:owned|operated|controlled|affiliated)(?: or (?:owned|operated|controlled))? by|"
    # "this will not affect Prompts already used": what a switch does not undo, not a use denied
    r"(?:will|does|do|shall) not affect|(?:won|doesn|don)['’]t affect|"
    # "content already used for training cannot be removed from a trained model", "models already trained will not be
    # retrained": what opting out cannot undo
    r"(?:cannot|can['’]t|will not|won['’]t|shall not) be (?:removed|deleted|erased|undone|extracted|retrained|"
    r"unlearned|untrained)|"
    # "… for any lawful purpose, provided that Acme does not identify you": a proviso conditions the grant
    r"provided (?:always )?that [^.;]{0,200}|"
    # "Nothing in these Terms shall be construed as preventing Acme from using …": a double negative that permits
    r"nothing (?:[\w,]+ ){0,6}?(?:shall|will|may|is to) (?:be )?(?:construed|interpreted|deemed|read) (?:as |to )?"
    r"(?:prevent|prohibit|restrict|limit|preclud|bar)\w*(?: or (?:prevent|prohibit|restrict|limit)\w*)?)\b"
)
# "Nothing in this Agreement shall be construed as permitting Acme to use Customer Data for training": a denial.
NOTHING_PERMITS = _rx(r"\bnothing (?:[\w,]+ ){0,6}?(?:shall|will|may|is to) (?:be )?(?:construed|interpreted|deemed|"
                      r"read) (?:as |to )?(?:permit|allow|authori[sz]|grant|entitl|licen[cs])\w*|"
                      # "It is not the case that Acme may use Your Content to train …": the whole statement denied
                      r"^\W*(?:\d[\d.]*\s+)?it is not the case that\b")
# (every false negation holds one of these; most sentences hold none, and a substring test is far cheaper than the sub)
_FALSE_NEGATION_HINTS = ("not", "unless", "no guarantee", "don", "provided", "n't be", "n’t be", "n't affect",
                         "n’t affect")


def without_false_negations(text: str) -> str:
    """The text with its false negations ("not limited to", "if you do not want") blanked out."""
    low = text.lower()
    return FALSE_NEGATION.sub(" ", text) if any(h in low for h in _FALSE_NEGATION_HINTS) else text


# What models or other actors do not do ("they do not have access to the training data") is not the
# vendor excluding anything.
OTHERS_DO_NOT = _rx(
    r"\b(?:they|models?|it|the model|third[- ]parties|other (?:users|companies))\s+(?:do|does|will|would|can|could)"
    r"\s*(?:not|n['’]t)\b"
)
# The user's own obligations ("you may not use the Services to train a model") are not data-use
# statements by the vendor.
USER_RESTRICTION = _rx(
    r"\b(?:you (?:may|shall|will|must|agree to|can)(?: not|n['’]t)|you agree not to|you (?:are|will be) not "
    r"(?:allowed|permitted)|(?:customer|user|licensee)s? (?:may|shall|will|must) not|"
    # "No one under age 13 is allowed to register … or provide any personally identifiable information"
    r"no one (?:\w+ ){0,4}?(?:is|are|will be) (?:allowed|permitted)|"
    r"(?:you|users?|customers?) (?:\w+ ){0,4}?(?:not|or) (?:to )?(?:use|permit|allow) (?:the |our |any )?"
    r"(?:services?|output|outputs|content)\b.{0,60}?"
    r"(?:to develop|to train|to build|competing|that compete)|(?:you|users?) (?:may|shall|must) not|"
    r"reverse engineer|compete with|by using automated means|scrap(?:e|es|ing)\b|crawl(?:er|ers|ing)\b|"
    r"(?:only|solely|exclusively) for your (?:own )?(?:personal|internal|private|non-?commercial)\b|"
    r"you must (?!grant|give|license|licence)\w+|you are (?:solely )?responsible for|"
    # an imperative addressed to the reader: "For example, do not copy or distribute the posts of others"
    r"^\W*(?:(?:for example|for instance|also|and|please),? )?(?:do not|don['’]t|never) (?!hesitate)\w+)",
)
EXCEPT_WORDS = _rx(r"\b(?:except|unless|other than|save (?:for|where|if|when|with)|sauf)\b")
NOTWITHSTANDING = _rx(r"\b(?:notwithstanding|despite anything|nonobstant)\b")
CLOSED_LIST = _rx(
    # "will only use Customer Content as necessary to provide the Services"
    r"\bonly (?:use|process|access|disclose|share)\w*(?:,? (?:or |and )?(?:use|process|access|disclose|share)\w*)* "
    r"(?:\w+ ){1,4}?(?:as (?:reasonably )?(?:necessary|needed|required) "
    r"(?:to|for)|to (?:provide|operate|perform|deliver)|for the following (?:reasons|purposes))|"
    r"\b(?:(?:only|solely|exclusively|uniquement|seulement) (?:to|for|in order to|as necessary to|as needed to|"
    r"(?:the )?purposes? of)|"
    r"(?<!not )(?<!but )(?:limited|restricted) (?:to|purpose)|for the (?:sole|limited|restricted) purpose|"
    r"no other purpose)\b|"
    # "a royalty-free right to use and display the content for purposes of delivering the Service": a licence that
    # names its purpose (closed only where the purpose is running the service; see _closed_list)
    r"\b(?:right|licen[cs]e) to (?:use|display|host|store)(?:,? (?:and |or )?(?:use|display|host|store|copy|process))* "
    r"(?:the |your |such )?(?:\w+ ){0,2}?for (?:the )?purposes? of\b|"
    # "a right to use the User Content as is reasonably necessary in order to do the following: (1) provide …"
    r"\bas (?:is )?(?:reasonably )?(?:necessary|needed|required) (?:in order )?to do the following\b"
)
# Processor language: the vendor handles the data only as the customer instructs.
ON_INSTRUCTIONS = _rx(
    r"\b(?:only |solely )?(?:on|upon|in accordance with|as instructed by|pursuant to) (?:the )?(?:\w+['’]s? ){0,2}?"
    r"(?:documented |written )?(?:request|instructions?)\b"
)
OPERATE_WORDS = _rx(
    r"\b(?:provid\w+|operat\w+|deliver\w*|host\w*|perform\w*|run\w*|maintain\w*|offer\w*|fournir|"
    r"make \w+ (?:\w+ )?available)"
    r"\b.{0,40}?"
    r"\b(?:the |our |its )?(?:services?|platform|products?|website|app|agreement|obligations|you)\b"
)

# --- conditions (in condition_words; callers read them here as lx.OPT_IN, …) ----------------------

OPT_IN = _conditions.OPT_IN
OPT_OUT = _conditions.OPT_OUT
NO_WAY_OUT = _conditions.NO_WAY_OUT
ADMIN = _conditions.ADMIN
PLAN = _conditions.PLAN
REGION = _conditions.REGION
DEIDENTIFIED = _conditions.DEIDENTIFIED
OPTED_OUT_THEN_NOT = _conditions.OPTED_OUT_THEN_NOT

# --- licences (in grant_words; callers read them here as lx.LICENSE, …) ---------------------------

LICENSE = _grants.LICENSE
SUBLICENSE = _grants.SUBLICENSE
PASS_ON = _grants.PASS_ON
LICENSE_STRONG = _grants.LICENSE_STRONG
NOT_BROAD = _grants.NOT_BROAD
LICENSE_BREADTH = _grants.LICENSE_BREADTH
LICENCE_TO_USER = _grants.LICENCE_TO_USER
VENDOR_TAKES = _grants.VENDOR_TAKES
granted_otherwise = _grants.granted_otherwise
vendor_takes = _grants.vendor_takes

# --- actors, ownership, marketing, sale -------------------------------------------------------

THIRD_PARTY = _rx(
    r"\b(?:third[- ]part(?:y|ies)|(?:research |data |AI )?partners?|affiliates?|"
    r"other (?:companies|organi[sz]ations|businesses|"
    r"developers|AI (?:companies|providers|developers))|data brokers?|researchers|collaborators|"
    r"advertisers|(?:outside|external) (?:companies|parties|model providers)|model providers?|"
    r"tiers|partenaires|soci[ée]t[ée]s affili[ée]es)\b"
)
THIRD_PARTY_MODELS = _rx(
    r"\b(?:third[- ]party (?:AI |artificial intelligence |machine learning )?(?:models?|AI|LLMs?)|"
    # ("to help them train and evaluate their language and recommendation models")
    r"(?:train\w*|improv\w*)(?: (?:and|or) \w+)? (?:their|other companies['’]|others['’]|partners['’]) (?:own )?"
    r"(?:[\w-]+ ){0,3}?models?|"
    r"(?:models?|AI) (?:of|owned by|developed by) (?:third parties|others|partners)|"
    # "for the training of that Subprocessor's own models": the recipient named again as the models' owner
    r"(?:that|the|such|each|any) [\w-]+['’]s own (?:[\w-]+ ){0,2}?models?)\b"
)
SERVICE_PROVIDERS = _rx(
    r"\b(?:service providers?|sub-?processors?|vendors|processors|contractors|on (?:our|its) behalf|"
    # "Our AI supplier is not permitted … to use your text to train", "our model host"
    r"(?:AI|model|LLM) (?:suppliers?|vendors?|hosts?)|suppliers|"
    r"prestataires|sous-traitants)\b"
)
OWNERSHIP = _rx(
    r"\b(?:owns|(?:we|\w+) own (?:all|the|any|and)|(?<!not )owned by|ownership|right, title,? and interest|"
    # ("We belong to ad networks that …" is a membership, not a claim over data)
    r"title and interest|(?<!\bwe )(?<!\bI )belongs? to|"
    r"(?:(?:is|are|be|remains?|become\w*) (?:the )?(?:(?:exclusive|sole)(?: and (?:exclusive|sole))? )?"
    r"(?:property|owners?) of)|"
    r"(?:is|are|remains?|becomes?) (?:its|their) (?:exclusive |sole )?owners?|"
    r"retain\w* (?:all |solely |exclusively )?(?:rights?|ownership|title)|"
    r"are retained (?:solely )?by|assign\w* (?:to us|to \w+) all right|est la propri[ée]t[ée]|appartien\w+|"
    r"(?:sont|est|demeurent|demeure|restent|reste)(?: et (?:demeurent|demeure|restent|reste))? (?:la )?propri[ée]t[ée] "
    r"(?:exclusive )?d)\b"
)
USER_OWNS = _rx(
    # "Customer retains sole responsibility for all content" keeps a duty, not the rights
    r"\b(?:you (?:own|retain|keep|continue to own)|(?:you|user|customer)s? (?:will )?(?:retain|own)s?"
    r"(?! (?:sole |full |all |the )?(?:responsibility|liability|obligation))|"
    r"(?:is|remains|are) (?:yours|your property)|remains? your (?:data|content|information)|belongs? to you|"
    r"as between (?:you and \w+|the parties), "
    r"you|vous (?:restez|demeurez|conservez)|vous appartient)\b"
)
# "to verify that your ID belongs to you": a check of who the user is, not a statement of who owns data.
IDENTITY_CHECK = _rx(r"\b(?:verify|verifies|verifying|confirm\w*|check\w*|ensur\w+) (?:\w+ ){0,2}?that (?:\w+ ){0,4}?"
                     r"belongs? to you\b")
# Marketing *to* the user (emails, newsletters) is not use of the user's content for marketing.
MARKETING_TO_USER = _rx(
    r"\b(?:marketing|promotional) (?:communications?|e-?mails?|messages?|offers|newsletters?)|"
    r"receiv\w+ (?:marketing|promotional)|send you (?:marketing|promotional|ads)|"
    # "Messages you may receive containing marketing could include an offer": marketing sent to the user
    r"\b(?:messages?|e-?mails?|notifications?) (?:\w+ ){0,4}?containing (?:marketing|promotional|advertis\w+)|"
    # "Not all of our communications are for marketing": messages sent to the user
    r"\bcommunications (?:are|is) (?:\w+ )?(?:for|about) marketing\b|"
    r"marketing (?:calls|texts?|SMS)|"
    r"(?:participat\w+|enter\w*|tak\w+ part) in (?:\w+ ){0,3}?promotions?|contests?|sweepstakes|"
    r"direct marketing|marketing to you|rights? of publicity|"
    r"(?:privacy,? (?:or|and) )?publicity (?:or privacy |and privacy )?rights?|"
    r"unsolicited (?:\w+ ){0,3}?(?:advertising|promotional)|"
    # the user promoting their own work ("you may use the Services to promote your business"); the vendor promoting
    # the user's content ("Your Content may be shared on social media sites to promote Your Content") is marketing
    r"\b(?:you|users?|creators?)\b[^.;]{0,60}?\bpromote (?:your|their) (?:own )?(?:business|content|work)|"
    # a product named for sponsorship ("Acme Sponsors", where people fund developers) is not advertising
    r"\b(?-i:[A-Z])[\w-]+ (?-i:Sponsors)\b"
)
MARKETING = _rx(
    # "information from our partners and advertisers": advertisers as a source or recipient are not a use
    r"\b(?:marketing|advertis(?!ers?\b)\w+|ads|ad targeting|targeted ads|personali[sz]ed ads|promotional|sponsor\w+|"
    # "promoting and redistributing part or all of the Service"
    # ("rights of privacy or publicity", "publicity rights": a person's rights in their likeness, not promotion)
    r"to market|(?<!right of )(?<!rights of )(?<!privacy or )(?<!privacy and )publicit(?!y rights?\b)\w+|"
    r"publicité|publicitaires?|supports? de communication|"
    # "to feature on our homepage, in newsletters and in our social media campaigns"
    r"(?:social media|marketing|promotional|ad|advertising) campaigns?|"
    # "online and offline promotion of Acme's mission, products and services" (not "a carrier's promotion of our
    # Services": another company's promotion, the way the user arrived)
    r"(?<!['’]s )promotion of (?:(?:the|our|its|[\w.]+['’]s?) )?(?:\w+, )?(?:\w+ ){0,2}?"
    r"(?:services?|products?|brands?|business)|"
    # "to promote Acme and the Services": the vendor by its name, as a purpose (not "a reseller who helps promote Acme")
    r"(?<=to )promote (?!" + _grants.NOT_VENDOR_NAME + r"\b)(?-i:[A-Z])[\w.&-]*|"
    r"promot(?:e|es|ing)(?:,? (?:and|or) \w+)?(?: (?:part or all|all or (?:any )?part|"
    r"any part) of)? (?:(?:the|our|its|your|their|such|this) )?(?:\w+ ){0,2}?"
    r"(?:services?|products?|platform|sites?|apps?|features?|offerings?|brands?|business\w*|membership|"
    r"network|content|works?|account|profiles?)|"
    # "We may showcase public datasets on our homepage, in our newsletter and on our social media channels": the
    # vendor's own promotional channels
    r"(?:featur|showcas|highlight|spotlight)\w* (?:[^.;]{0,80}? )?(?:on|in) (?:our |its |the )?(?:[\w-]+ )?"
    r"(?:homepage|newsletters?|social[- ]media|blog|template gallery))\b"
)
SALE = _rx(
    r"\b(?:sell|sells|sold|sale of|selling|rent|monetiz\w+ (?:your |personal |user )?(?:data|information)|"
    r"licen[cs]e (?:it |them |your \w+ )?to (?:third|other|"
    r"data)|share (?:it |them )?(?:with|to) (?:third|data)|vend(?:re|ons|ent)|louons|"
    # ("licensing agreements" alone are the vendor's own contracts with rights holders, not data licensed out)
    r"licensing fees?|data licensing(?: (?:agreements?|deals?|partners?|arrangements?))?|"
    r"licen[cs]e (?:\w+ ){0,3}?(?:content|data|posts) to (?:third|other|partners|AI|researchers|developers))\b"
)
CONTROL_WORDS = _rx(
    r"\b(?:opt(?:s|ed)?[- ]?(?:in|out)|settings?|turn(?:ing)? (?:it |this )?(?:off|on)|disabl\w+|enabl\w+|"
    r"toggle|data controls?|choose|choice|choices|object|withdraw|control\w*|admins?|"
    r"administrators?|account owners?|param[eè]tres|consentement|opposer)\b"
)

NEGATED_MARKETING = _rx(
    r"(?:\b(?:not|never|\w+n['’]t|no longer)\b(?:\W+\w+){0,4}?\W+|\brefrain\w* from )(?:" + _USE_VERBS[3:-1]
    + r"|engage\w*)\b"
    r"(?:(?!,\s*(?:we|but|however|although|though)\b)[^.;]){0,300}?\b(?:advertis\w*|marketing|ads|promot\w+|"
    r"publicit\w+)|\bne (?:\w+ ){1,2}?(?:pas|jamais|aucun\w*)[^.;]{0,80}?publicit|"
    # "we won't put them in ads", "your designs will never appear in our marketing"
    r"\b(?:not|never|\w+n['’]t)\b(?:\W+\w+){0,3}?\W+(?:put|feature|showcase|appear)\w*\b[^.;]{0,60}?"
    r"\b(?:ads|advertis\w*|marketing|promot\w+)|"
    r"\bn['’]\w+ (?:(?:\w+ )?(?:pas|jamais)|en aucun cas)[^.;]{0,120}?publicit"
)
CHOSEN_NOT_TO = _rx(r"\b(?:choose|elect|ask) (?:for us |us )?not to\b")
# Statements limited to children do not speak for adult users.
MINORS_ONLY = _rx(r"\b(?:under the age of \d+|under \d+ years|minors?|children|child|younger than \d+|teens?|"
                  r"mineurs?|enfants?)\b")
ADS_ALONGSIDE = _rx(
    r"\b(?:advertis\w+|ads)\b (?:\w+ )?(?:in connection with|alongside|next to|near|around|on or off)\b|"
    r"\bdistribution of (?:advertising|ads)(?: or other promotional materials?)? on (?:our|the) \w+"
)
# Licences over feedback, logos or names are not licences over the user's content.
NON_CONTENT_OBJECT = _rx(r"\b(?:feedback|suggestions?|ideas|logos?|trademarks?|trade names?|brand features|"
                         r"likeness\w*|user ?names?)\b")
# The canonical data-use statement: "we may use …", "we do not train …", "Acme will not use …".
_DOES_WITH_DATA = r"\s+(?:\w+\s+){0,3}?(?:use|uses|train|trains|process|share|sell|license)\b"
VENDOR_DOES = _rx(r"\b(?:we|[A-Z][\w.]+)" + _DOES_WITH_DATA)
# The same with the name kept case-sensitive: any lowercase word is no vendor ("partners do not have access to or use";
# VENDOR_DOES, case-blind, reads "have access to or use" as one). VENDOR_DOES stays as it is: it only ranks evidence,
# and making it strict moved a study-split quote the wrong way.
VENDOR_SUBJECT = _rx(r"\b(?:we|(?-i:[A-Z])[\w.]+)" + _DOES_WITH_DATA)
# Training on the open web or licensed third-party data is not training on the user's data.
PUBLIC_SOURCES = _rx(r"\b(?:publicly available (?:information|content|data|datasets?)|(?:information|content|data) "
                     r"(?:that(?:['’]s| is) )?publicly available|public sources|data from third[- ]party "
                     r"partners|open(?:ly)? (?:web|internet)|freely and openly accessible|"
                     # "trained only on licensed and publicly available datasets": sources other than the users
                     r"licensed (?:and (?:publicly available|public|open) )?(?:data|datasets?|corpora))\b")
# Who uses the data for marketing: the vendor ("we use", "Acme may use") or a passive "is used for".
MARKETING_BY_VENDOR = _rx(
    r"\b(?:we|us|our|nous|notre|nos)\b|\b(?:is|are|be|being|been) used\b|"
    # "Your reviews may be displayed in advertisements for Acme": the vendor's ads, in the passive
    r"\b(?:is|are|be|being|been) (?:displayed|shown|featured|included|published) in (?:\w+ )?(?:advertis\w+|ads|"
    r"marketing|promotional)|"
    r"\b[A-Z][\w.]+ (?:also )?(?:may|will|can|uses?) \w+|"
    r"\b(?:sont|est) utilis[ée]"
)
# "to develop new technologies", "researching and developing new ones": research and development beyond the service
# itself ("to operate, improve and develop new Services" alone stays a service purpose)
NEW_VENTURES = _rx(r"\b(?:(?:new|other|future) (?:technologies|products)|research(?:ing)? and develop(?:ing)? new)\b")
# A licence with no limit on its purpose: "for any purpose", "in any way", "an unrestricted … right to use", "an
# unconditional … licence"
ANY_PURPOSE = _rx(
    r"\b(?:any (?:purpose|use|manner)|all purposes|commercially exploit\w*|for (?:any|all) (?:lawful )?purposes?|"
    r"in any way|unrestricted|unconditional)\b"
    # ("in any way necessary to provide the Services", "any use reasonably required to operate it": a limit, not none)
    r"(?! (?:(?:reasonably|strictly) )?(?:necessary|needed|required|appropriate) (?:to|for)\b)"
)
DISCLAIMS = _rx(r"\b(?:disclaims? (?:any|all) (?:\w+ )?(?:rights?|licen[cs]es?)|"
               r"(?:does|do|will) not (?:claim|obtain|acquire) (?:any )?(?:ownership|rights?))\b")
