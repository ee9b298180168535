"""Condition words: who decides and who is covered (opt-in, opt-out, admin, plan, region, de-identified).

Split out of ``lexicon`` (which re-exports every name) so that each vocabulary module stays readable.
"""

from __future__ import annotations

from termlens.analysis.fast_patterns import rx as _rx

OPT_IN = _rx(
    r"\b(?:opt(?:s|ed)?[- ]?in(?:to)?|"
    # "Only if an administrator opts the workspace in will we use …": off until someone turns it on
    r"(?:only (?:if|where|when|once)|unless) (?:an? |the |your )?(?:\w+ )?(?:administrators?|admins?|owners?) "
    r"(?:\w+ ){0,3}?"
    r"(?:opts?|enables?|turns? (?:it |them )?on|switch(?:es)? (?:it |them )?on|activates?|selects?)\b|"
    # "Where an Administrator enables it, Acme may use …": off until the administrator turns it on
    r"^\W*(?:\d[\d.]*\s+)?(?:where|if|when|once) (?:an? |the |your )?(?:\w+ )?(?:administrators?|admins?|owners?) "
    r"(?:\w+ ){0,2}?"
    r"(?:enables?|turns? (?:it |them )?on|switch(?:es)? (?:it |them )?on|opts? in)\b|"
    # "You may withdraw your consent to …": the use rests on a consent given
    r"withdraw\w* (?:your |their )?consent|"
    # a switch that is "turned off by default", "disabled by default": nothing happens until someone turns it on
    r"(?:is|are|stays?|remains?) (?:turned |switched |set to )?(?:off|disabled) by default|"
    r"(?:which|that) is (?:turned |switched )?(?:off|disabled) by default|"
    # "save where Customer has given its prior written consent", "unless you have joined the Research Program"
    r"(?:has|have) (?:given|provided|granted) (?:(?:its|their|your|his or her|the|us) )?(?:[\w-]+,? ){0,3}?"
    r"(?:consent|permission|authori[sz]ation)|"
    r"(?:unless|until|if|once|where) you (?:have )?(?:choose to |decide to |elect to )?(?:join|enrol|enroll)\w*|"
    r"without (?:(?:your|the user['’]s|the customer['’]s|their|the|express|explicit|"
    r"prior|affirmative|written|separate) )+(?:consent|permission|authori[sz]ation)|with your (?:\w+ )?(?:consent|"
    r"permission)|(?:if|where|when|only if|unless) you have (?:(?:switched|turned) (?:it |this )?on|enabled|"
    r"activated)|"
    # "only where the host's account has "Contribute to caption quality" switched on", "Where Organisation Tuning is
    # enabled": a named switch that must be turned on first
    r"(?:has|have) [\"“][^\"”]{2,60}[\"”] (?:switched|turned) on|"
    r"(?:only (?:if|where|when|once)|where|unless) (?:the |your )?(?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+){0,3} "
    r"(?:is|are|has been) (?:enabled|switched on|turned on)|"
    r"(?:if|where|when|only if|unless) you (?:choose to |decide to |elect to )?(?:opt in|enable|"
    r"turn on|switch on|turn it on|switch it on|activate|allow|consent|agree|give us permission|submit feedback|"
    r"provide feedback|share|permit|"
    r"explicitly|affirmatively)|unless (?:the )?(?:customer|user|account holder) (?:explicitly |expressly |otherwise )?"
    r"(?:agrees?|consents?|opts? in|elects?)\b|"
    r"unless you (?:direct|instruct|ask|tell|authori[sz]e) us\b(?! otherwise| not)|"
    # "… unless we have your permission"
    r"(?:unless|until|only if|except (?:where|when|if)) we (?:have|obtain|receive|get) your (?:\w+ )?"
    r"(?:consent|permission|authori[sz]ation)|"
    r"(?:unless|until|if) you (?:\w+ ){0,2}?(?:give|provide|grant) (?:us )?(?:your )?"
    r"(?:\w+ )?(?:consent|permission)|you (?:have )?(?:chosen|opted|elected) to|"
    r"if (?:training|this setting|the setting|"
    r"sharing) is (?:enabled|turned on|on)|sans votre consentement|avec votre consentement|"
    # "sauf si vous y avez expressément consenti", "case à cocher … décochée par défaut"
    r"sauf si vous (?:y )?avez (?:\w+ ){0,3}?consenti|(?:si|lorsque) vous (?:y )?consentez|"
    r"d[ée]coch[ée]e? par d[ée]faut|"
    r"d[ée]sactiv[ée]e? par d[ée]faut|"
    # "You can choose to share your chats to help improve our models", "if you give us feedback"
    r"you (?:can|may) (?:choose|elect|decide) to (?:share|contribute|allow|let us|opt in)|"
    r"(?:when|if|where) (?:a |the )?(?:\w+ )?(?:users?|you|creators?) (?:does|do) not consent|"
    r"(?:if|when) you (?:give|send) (?:us )?feedback|(?:if|when) you rate (?:a |an |our )?(?:response|output|answer)s?)"
)
OPT_OUT = _rx(
    r"\b(?:opt(?:s|ed)?[- ]?out|turn(?:ing)? (?:it |this |that )?off|switch\w* (?:it |this |that )?off|"
    r"disabl\w+|toggle|"
    r"data controls?|(?:privacy|account|your) settings?|in (?:your |the )?settings|(?:change|adjust|manage|update) "
    r"(?:your |this |these )?(?:settings|preferences|choices)|you (?:can|may) (?:choose(?! to (?:share|contribute|"
    r"allow|let us|opt in))|object|withdraw|decline|ask us not)|choose (?:whether|not to)|right to object|object to|"
    r"withdraw (?:your )?consent|"
    r"vous (?:y )?opposer|sauf opposition|d[ée]sactiv\w+|param[eè]tres|"
    r"you (?:are able to|can|may) (?:tag|mark|label|designate|flag)|"
    r"(?:if|when) you (?:don['’]t|do not) want|"
    # "Unless you tell us otherwise by emailing …": the use goes ahead until the user objects
    r"unless you (?:tell|notify|inform|ask) us (?:otherwise|not to)|unless you object|"
    # "You are in control of whether your text data is used for training"
    r"you (?:are|remain) in control of whether|you (?:can )?control whether|(?:select|decide) whether)\b"
)
# "it is not possible to opt out of it": no way out
NO_WAY_OUT = _rx(r"\b(?:not (?:be )?possible to|cannot|can['’]t|unable to|no (?:way|option) to) "
                 r"(?:opt out|object|turn (?:it |this )?off|disable)\b|"
                 # "there is no setting that turns this use off", "do not currently offer a setting that excludes"
                 r"\b(?:is no|not (?:currently )?(?:offer|provide|have) (?:a|any)) (?:setting|option|switch|toggle|"
                 r"control|way|mechanism) (?:that |to )?(?:turns?|switch\w*|exclud\w*|stops?|disabl\w*|opt)|"
                 r"\b(?:your|the) only (?:option|way|choice|recourse) is to (?:delete|close|stop)")
ADMIN = _rx(
    r"\b(?:account (?:owner|administrator|admin)s?|admins?|administrators?|(?:workspace|team|tenant) owners?|"
    r"admin console|"
    r"organi[sz]ation['’]s (?:admin\w*|owner)|your (?:employer|organi[sz]ation) (?:decides|controls|chooses))\b"
)
PLAN = _rx(
    r"\b(?:enterprise|business (?:customers?|users?|accounts?|plans?|offerings?|data)|API (?:customers?|users?|"
    r"platform|data|services?)|(?:via|through) (?:our |the )?API|team (?:plan|accounts?|workspaces?)|"
    r"paid (?:plans?|accounts?|subscriptions?)|free (?:plans?|tier|users?|accounts?|subscriptions?)|"
    r"commercial (?:customers?|"
    r"products|services|terms|offerings)|consumer (?:services|products|accounts?|plans?|versions?)|"
    r"education(?:al)? (?:accounts?|customers?)|(?:work|school|work or school|managed) accounts?|"
    r"student (?:personal )?(?:data|information)|healthcare|"
    r"(?:if|where) you use (?:a |the |our )?(?:[\w-]+ ){0,4}?(?:version|edition|deployment)s? of|"
    # "Free and Personal plans:", "Business or Enterprise plans": tiers named in pairs
    r"(?-i:[A-Z])\w+,? (?:and|or) (?-i:[A-Z])\w+ (?:plans|tiers)|"
    r"(?:pro|plus|premium) (?:plans?|accounts?|"
    r"subscriptions?)|"
    # "on the Free or Plus plan", "through a Teams, Business or Education plan": tiers named by the vendor
    r"(?:on|through|under|with) (?:a|an|the|your|any) (?-i:[A-Z])[\w-]+(?:,? (?:or |and )?(?-i:[A-Z])[\w-]+){0,3} "
    r"(?:plans?|tiers?|editions?))\b"
)
REGION = _rx(
    r"\b(?:EEA|European (?:Economic Area|Union)|E\.?U\.?|United Kingdom|UK|Switzerland|Swiss|Brazil|"
    r"South Korea|Japan|California|(?:where|in which) you (?:live|reside|are located)|your (?:region|country|"
    r"jurisdiction)|regions? (?:outside|other than)|countries (?:outside|other than)|"
    r"Espace [ée]conomique europ[ée]en|Union europ[ée]enne|Royaume-Uni|Suisse)\b"
)
DEIDENTIFIED = _rx(
    r"\b(?:de-?identifi\w+|aggregated|aggregate (?:and |or |, )?(?:\w+ )?(?:data|information|form|statistics|level|"
    r"insights|reports?)|in (?:an )?aggregate|aggregation|anonymi[sz]\w+|anonymous|pseudonymi[sz]\w+|"
    r"(?:cannot|can['’]t|does not|doesn['’]t|not) (?:reasonably )?(?:be used to )?identify you|"
    r"non-?personal|(?:non-?|not )personally[- ]identifi\w+|agr[ée]g[ée]\w*|anonymis[ée]\w*)\b"
)


# "Once you opt out, new conversations will not be used to train": a default use you can switch off.
OPTED_OUT_THEN_NOT = _rx(
    r"\b(?:once|if|when|after|where) you (?:have )?(?:opt(?:ed)? out|turn(?:ed)? (?:it |this )?off|disabl\w+|"
    r"withdr[ae]w\w*|object\w*|(?:choose|decide|elect) not to)|"
    # "If the Workspace Owner disables the toggle, Acme will not use …": on until the owner turns it off
    r"\b(?:once|if|when|after|where) (?:the |an? |your )?(?:\w+ )?(?:administrators?|admins?|owners?) (?:has |have )?"
    r"(?:opt(?:s|ed)? out|disabl\w+|turn\w* (?:it |this |the \w+ )?off|switch\w* (?:it |this |the \w+ )?off)|"
    r"\bif (?:[\w&-]+ ){1,3}(?:is|are) (?:off|turned off|disabled|paused)\b|"
    # "Once turned off, new Customer Content … will not be used": the use runs until then
    r"^\W*(?:once|after|when) (?:it is |this is |the setting is )?(?:turned|switched) off\b|"
    # "You can switch it off at any time …; once you do, it will no longer be used"
    r"\b(?:switch|turn)\w* (?:it |this )?off\b[^.]{0,160}?\b(?:once|after|when) you (?:have )?(?:do|do so|done so)\b|"
    # "You may opt out of … (which would prohibit us from using your information to improve our models)"
    r"\bopt(?:s|ed)? out\b[^.;]{0,80}?\b(?:which|this|that) (?:would|will) (?:prohibit|prevent|stop)\b|"
    # A private mode the user picks ("temporary chats are not used to train"): by default chats are used.
    r"\b(?:temporary|incognito|private) (?:chats?|conversations?|mode)\b|\bchat history (?:is )?(?:off|disabled)"
)
