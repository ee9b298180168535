"""Licence words: grants the vendor takes to the user's data, how broad they are, and who takes them.

Split out of ``lexicon`` (which re-exports every name) so that each vocabulary module stays readable. A licence is
often granted without the word: "you authorize Acme to reproduce …", "Acme may use, copy and distribute anything you
post", "you assign to Acme all right, title and interest"; those forms are written once here (``GRANT_BY_OTHER_NAME``,
``VENDOR_TAKES_OTHERWISE``) and read by both the licence cue and the test of who takes it.
"""

from __future__ import annotations

from functools import lru_cache

from termlens.analysis.fast_patterns import rx as _rx

# "These Terms don't give us any rights to Your Stuff except for the limited rights that enable us to …": the rights
# the vendor takes, denied or limited (a licence by another name; shared by LICENSE and VENDOR_TAKES)
_GIVES_RIGHTS_TO = r"give\w* (?:us|\w+) (?:any |only )?(?:the )?(?:limited )?rights? to "
# The vendor, by pronoun or by its capitalised name ("Acme", "Acme Labs Inc.", "Acme and its affiliates"); capitalised
# words that open a sentence without naming it are not it.
NOT_VENDOR_NAME = r"(?-i:You|Your|Users?|Members?|Customers?|Content|This|These|Such|Any|All|Each|Other|Third|Partners)"
_VENDOR = (r"(?:we|us|(?!" + NOT_VENDOR_NAME + r"\b)(?-i:[A-Z])[\w.&-]*(?: (?-i:[A-Z])[\w.&-]*){0,2})"
           r"(?: and (?:its|our) (?:affiliates|licensees|subsidiaries|partners))?")
# What copyright reserves to the owner: doing these to the user's content is what a licence permits.
_COPYRIGHT_ACT = (r"(?:reproduc\w*|cop(?:y|ies|ying)|modif(?:y|ies|ying)|publish\w*|distribut\w+|display\w*|adapt\w*|"
                  r"translat\w+|publicly perform\w*|creat\w+ derivative works|sub-?licens\w+|commercially exploit\w*)")
_COPYRIGHT_NOUN = r"(?:reproduction|modification|publication|distribution|adaptation|display)"
# A licence granted without the word: "you authorize Acme to reproduce …", "you consent to Acme's use, reproduction
# and distribution of …", "you agree that Acme may use, copy and publish …", "Acme may use, modify, display and
# distribute …", "may be used by Acme for any purpose", "shall be deemed licensed to Acme", "you assign to Acme all
# right, title and interest in …".
GRANT_BY_OTHER_NAME = (
    r"authori[sz]e (?:us|" + _VENDOR + r") to (?:use,? )?(?:\w+,? ){0,2}?" + _COPYRIGHT_ACT + r"|"
    r"consent to (?:our|(?-i:[A-Z])[\w.&-]*['’]s?) (?:use,? )?(?:\w+,? ){0,2}?" + _COPYRIGHT_NOUN + r"|"
    r"(?:agree|acknowledge)\w* that " + _VENDOR + r" (?:may|can|(?:is|are|will be|shall be) "
    r"(?:entitled|free|permitted) to) (?:use,? )?(?:\w+,? ){0,2}?" + _COPYRIGHT_ACT + r"|"
    + _VENDOR + r" (?:may|can|(?:is|are) (?:entitled|free) to) (?:freely )?(?:use,? )?(?:\w+,? ){0,2}?" + _COPYRIGHT_ACT
    + r"\b[^.;]{0,40}?\b" + _COPYRIGHT_ACT + r"|"
    r"you (?:post|submit|upload|share|provide|send)\w*\b[^.;]{0,60}?(?:may|can|will) be used (?:by (?:us|" + _VENDOR
    + r") )?(?:for any purpose|in any (?:way|manner))|"
    r"(?:deemed|considered) (?:to be )?licen[cs]ed to|"
    r"assign\w* (?:to (?:us|" + _VENDOR + r") )?(?:all (?:of )?(?:your |the )?)?(?:right|rights|title|ownership|"
    r"intellectual property)(?! to (?:pursue|sue|enforce))"
)
LICENSE = _rx(
    # "Customer grants Acme only the limited rights that are reasonably necessary": a licence by another name
    r"\b(?:licen[cs]es?|sub-?licen[cs]\w+|grant\w* (?:us|to us|\w+) (?:only )?(?:the |a |an )?(?:limited |necessary )?"
    # ("you grant Acme the right to pursue at law anyone who infringes": a right to sue, not to use)
    r"(?:rights?|permission)(?! to (?:pursue|sue|enforce|bring|take (?:legal )?action|seek|defend))|"
    + _GIVES_RIGHTS_TO + r"(?:your|the|any)|"
    r"right to (?:use|host|store|reproduce|modify|distribute)|licence|accordez|conc[ée]dez|"
    # "you cannot revoke permission for Acme to publish … such public content": an irrevocable licence
    r"(?:cannot|can['’]t|may not) revoke (?:the |your |this )?(?:permission|licen[cs]e|rights?))\b"
)
SUBLICENSE = _rx(r"\bsub-?licen[cs]\w+")
# Sublicensing in plain words: "we can give those same rights to others", "pass these rights along to others".
PASS_ON = (r"(?:give|grant|pass|extend)\w* (?:those|these|the|such) (?:same )?rights (?:along )?to|"
            r"pass (?:these|those|such) rights along")
# Terms that make a licence broad whatever its purpose ("non-transferable" is a limit, not breadth).
LICENSE_STRONG = _rx(
    r"\b(?:perpetual|in perpetuity|irrevocable|(?:cannot|can['’]t|may not) revoke|sub-?licen[cs]\w+|transferr?able|"
    r"assignable|assign\w* (?:to \w+ )?all (?:of )?(?:your |the )?(?:right|rights|title|ownership)|"
    r"(?:assign|transfer)\w* (?:or (?:assign|transfer)\w* )?(?:this|the|such) licen[cs]e|"
    + PASS_ON + "|"
    r"perp[ée]tuel\w*|irr[ée]vocable|transf[ée]rable|sous-licen\w+)\b"
)
# Limits that read like breadth: removed before breadth is looked for.
NOT_BROAD = _rx(r"\b(?:non-?|not )(?:transferr?able|sub-?licen[cs]\w+|assignable|perpetual|irrevocable)\b")
LICENSE_BREADTH = _rx(
    r"\b(?:perpetual|in perpetuity|irrevocable|(?:cannot|can['’]t|may not) revoke|sub-?licen[cs]\w+|transferr?able|"
    r"assignable|assign\w* (?:to \w+ )?all (?:of )?(?:your |the )?(?:right|rights|title|ownership)|"
    r"(?:assign|transfer)\w* (?:or (?:assign|transfer)\w* )?(?:this|the|such) licen[cs]e|syndicat\w+|"
    r"available to other companies|"
    + PASS_ON + "|"
    r"any (?:purpose|use|media|"
    r"manner)|all (?:media|purposes)|now known or (?:later|hereafter) (?:developed|devised)|"
    r"(?:new|future|other) (?:products|technologies)|develop(?:ing)? new|marketing|"
    r"promot\w+|advertis\w+|research|machine[- ]learning|artificial[- ]intelligence|train\w*|"
    r"derivative works|commercial\w*|perp[ée]tuel\w*|irr[ée]vocable|transf[ée]rable|"
    r"sous-licen\w+)\b"
)

# Who takes the licence: the vendor from the user (what the questions are about), not the reverse.
LICENCE_TO_USER = _rx(
    r"\b(?:grants? you|licen[cs]ed? to you|we grant|you are granted|provided to you under|"
    r"licen[cs]e to (?:use|access) the (?:services?|software))\b"
)
VENDOR_TAKES = _rx(
    # "You hereby grant other users a licence": the grantee is not the vendor
    # ("you hereby irrevocably grant us", "you automatically grant … Acme the … licence")
    r"\b(?:you (?:(?:hereby|\w+ly) ){0,2}(?:grant|give|agree to grant|licen[cs]e|agree to licen[cs]e|assign|"
    r"authori[sz]e|consent to)"
    r"(?! (?:to )?(?:other|each|any|all|fellow) (?:users?|members?|subscribers?|visitors?)\b)|"
    r"grant(?:s|ing)? (?:to )?(?:us|(?!(?:you|customers?|users?|licensees?|subscribers?|members?)\b)\w+"
    # ("grants Acme Labs Inc. and its affiliates a …": a vendor named in several words)
    r"(?: (?:(?-i:[A-Z])[\w.&-]*|plc|ltd\.?|inc\.?|llc)){0,3}(?: and (?:its|our) (?:affiliates|subsidiaries|"
    r"group companies))?) (?:a|an|the)\b|"
    r"we (?:may|will|can) (?:use|reproduce|distribute|display|sublicen)|licen[cs]e (?:to|from) you|"
    # "Our license to your Content is … for the limited purpose of …": the vendor describing its licence
    r"our licen[cs]e to your|"
    + _GIVES_RIGHTS_TO + r"your|"
    r"(?:cannot|can['’]t|may not) revoke (?:the |your |this )?permission for (?!you\b)\w+|"
    r"this licen[cs]e (?:to use (?:your |the )?\w+ )?(?:also )?(?:allows|lets|includes|covers|permits|is for)|"
    r"vous (?:nous )?(?:accordez|conc[ée]dez)|"
    r"(?:we|us)(?: and (?:our|its) \w+)? (?:are|is|be|shall be|will be) granted|"
    r"licen[cs]es?\b[^.;]{0,100}?\b(?:is|are|will be|shall be|remains?) (?:\w+ )?(?:perpetual|irrevocable|"
    r"transferr?able|sub-?licen[cs]able|assignable)|"
    # "Acme may assign or transfer this license to its successors": the vendor holds the licence it passes on
    r"\b(?:we|[A-Z][\w.]*) (?:may|can|will) (?:freely )?(?:assign|transfer|sub-?licen[cs]e)\w* "
    r"(?:or (?:assign|transfer|sub-?licen[cs]e)\w* )?(?:this|the|such|these|those) (?:licen[cs]es?|rights))"
)
_GRANT_OTHERWISE = _rx(r"\b(?:" + GRANT_BY_OTHER_NAME + r")\b")
# "Acme may use any content you submit for any purpose": a use with no limit is a licence with none (but not of
# aggregated or de-identified statistics, nor of feedback, which are not the user's content)
_USE_FOR_ANYTHING = _rx(r"\b" + _VENDOR + r" (?:may|can|will be free to|(?:is|are) free to) (?:freely )?use "
                        r"(?:[\w,-]+ ){0,8}?(?:for any purpose|in any manner|without restriction)\b")
_NOT_THE_USERS_CONTENT = _rx(r"\b(?:aggregat\w+|de-?identifi\w+|anonymi[sz]\w+|pseudonymi[sz]\w+|feedback|suggestions?|"
                             r"ideas)\b")
# "Acme shall have the perpetual right to use, reproduce …", "deemed licensed to Acme": the vendor takes it
_VENDOR_TAKES_OTHERWISE = _rx(
    r"\b(?:" + _VENDOR + r" (?:shall |will |also )?(?:ha(?:ve|s)|retains?|reserves?) (?:the|a|an) (?:[\w-]+,? ){0,4}?"
    r"(?:right|licen[cs]e) to (?:use,? )?(?:\w+,? ){0,2}?" + _COPYRIGHT_ACT + r"|"
    r"licen[cs]ed to (?:us|" + _VENDOR + r")|" + GRANT_BY_OTHER_NAME + r")\b")
# Every grant by another name needs one of these words (a cheap test that spares most sentences the patterns).
_GRANT_HINTS = ("reproduc", "cop", "modif", "publish", "distribut", "display", "adapt", "translat", "perform",
                "derivative", "sublicens", "sub-licens", "exploit", "be used", "licensed", "assign", "any purpose",
                "any manner", "without restriction")


def granted_otherwise(text: str) -> bool:
    """Whether a sentence grants a licence without the word ("you authorize Acme to reproduce …")."""
    low = text.lower()
    return any(h in low for h in _GRANT_HINTS) and (bool(_GRANT_OTHERWISE.search(text)) or (
        bool(_USE_FOR_ANYTHING.search(text)) and not _NOT_THE_USERS_CONTENT.search(text)))


@lru_cache(maxsize=100_000)
def vendor_takes(text: str) -> bool:
    """Whether the vendor is the one taking the licence a sentence grants (not the user, nor other users)."""
    if VENDOR_TAKES.search(text):
        return True
    return granted_otherwise(text) or (any(h in text.lower() for h in _GRANT_HINTS)
                                       and bool(_VENDOR_TAKES_OTHERWISE.search(text)))
