"""AI and machine-learning words: what names AI, training, and developing or improving models.

Split out of ``lexicon`` (which re-exports every name) so that each vocabulary module stays readable.
"""

from __future__ import annotations

from termlens.analysis.fast_patterns import rx as _rx

AI_WORDS = _rx(
    r"\b(?:machine[- ]learning|artificial[- ]intelligence|A\.?I\.?|AIs|gen(?:erative)?[- ]?AI|"
    r"(?:large )?language models?|LLMs?|(?:AI |ML |foundation |generative |our |its |the |their |"
    r"third[- ]party )models?|algorithms?|neural networks?|deep learning|"
    r"apprentissage automatique|intelligence artificielle|IA|mod[eè]les?)\b"
)
TRAIN_WORDS = _rx(
    # ("to tune the machine-learning models behind search ranking")
    r"\b(?:train(?:s|ed|ing)?|re-?train\w*|fine[- ]?tun\w*|tun(?:e|ing) (?:of )?(?:our |the |its )?(?:[\w-]+ ){0,2}?"
    r"(?:algorithms|models?)|"
    r"entra[iî]n\w*|model (?:training|improvement|development)|"
    r"(?:improve|develop|build|enhance)\w* (?:and (?:improve|develop|train)\w* )?(?:our |its |the |their |"
    r"[A-Z][\w-]*['’]s )?"
    r"(?:AI|artificial intelligence|machine learning|ML|generative|foundation|language|large language)? ?"
    r"(?:models?|algorithms?)|"
    r"help (?:our )?models? (?:become|improve|learn)|learn from|train\w* (?:\w+ ){0,3}?models?|"
    # "we won't feed them into any AI model"
    r"feed\w* (?:\w+ ){0,3}?into (?:\w+ ){0,3}?(?:models?|algorithms?|AI|LLMs?))\b"
)
TRAIN_MODELS = _rx(
    # ("to train the forecasting and anomaly-detection models", "to retrain our wake-word detection model")
    r"\b(?:re-?)?train\w* (?:[\w-]+ ){0,4}?(?:models?|algorithms?|AI|LLMs?)\b|"
    # "for the training of that Subprocessor's own models": the models' owner named between the two
    r"\btraining of (?:\w+ )?[\w-]+['’]s (?:own )?(?:[\w-]+ )?models?\b|"
    # "to fine-tune a model" (not "the Fine-Tuned Model", which names the result)
    r"\bfine[- ]?tun(?:e|es|ing) (?:an? |the |our |its |any )(?:[\w-]+ ){0,2}?(?:models?|LLMs?)\b|"
    # "to train or improve Sidekick or any other Acme model": the product, then every other model
    r"\btrain\w* (?:or|and) (?:improve|develop|evaluate|test)\w* (?:[\w-]+ ){1,3}?(?:or|and) (?:any|all|every) "
    r"other (?:[\w-]+ ){0,2}?models?\b|"
    # "to train and evaluate the ranking and recommendation models"
    r"\btrain(?:ing)?(?:,? (?:and |or )?(?:evaluat\w*|improv\w*|test\w*|refin\w*|tun\w*|develop\w*|fine-tun\w*|"
    r"retrain\w*))+ (?:the |our |its )?"
    r"(?:[\w’'-]+ ){0,4}?(?:models?|algorithms?)\b|"
    # "help train our suggestion engine", "train our classifiers": the systems that learn, by another name
    r"\b(?:re)?train(?:s|ed|ing)?(?: and (?:evaluate|improve|test))? (?:our|its|the|their) (?:[\w-]+ ){0,2}?"
    r"(?:engines?|classifiers?|recogni[sz]ers?|(?:recommendation|recommender|ranking) systems?)\b|"
    # "our systems learn from the content you provide", "to teach our AI", "datasets used to build our AI features"
    r"\b(?:our|its|the) (?:[\w-]+ )?(?:systems?|models?|algorithms?|AI) (?:can |may |will |continuously |"
    r"automatically )?learns? from\b|\bteach\w* (?:our |its |the )?(?:AI|models?|algorithms?|systems?)\b|"
    r"\bdatasets? (?:\w+ ){0,2}?(?:to|for) (?:build|train|develop|improv)\w* (?:our |its |the )?(?:[\w-]+ )?"
    r"(?:AI|models?|machine[- ]learning)\b|"
    # "to research, develop and train the generative and procedural systems that power …"
    r"\btrain\w* (?:[\w-]+ ){0,3}?(?:generative|AI|ML|machine[- ]learning|neural)\b(?: [\w-]+){0,3}? systems?\b|"
    r"\b(?:models?|AI) (?:training|are trained|is trained)\b|"
    # "To improve the accuracy and quality of our services (including our AI models)": improving models is training
    r"\b(?:improv\w+|enhanc\w+|creat\w+)\b[^.;|]{0,80}?(?:\(|, )(?:including|such as) (?:our |its |the )?(?:AI |ML |"
    r"machine learning |language )?models?\b|"
    # "improves by further training on the conversations people have with it": learning from the user's data
    r"\b(?:train(?:s|ed|ing)?|fine-?tun\w+) on (?:\w+ ){0,3}?(?:conversations?|chats?|data|content|inputs?|prompts?|"
    r"interactions?|messages?)\b|"
    # "to improve model performance", "improve the accuracy of our models", "model improvement": a model gets better
    # only by learning from data. (Business, pricing and other models are not the ones that learn.)
    r"\b(?:improv\w*|enhanc\w*|refin\w*) (?:the )?(?:(?:accuracy|quality|performance) of )?(?:our |its |the )?"
    r"(?:AI |ML |language |underlying |foundation )?models?\b(?! of\b)(?!['’]s (?:pricing|business))|"
    r"\b(?<!business )(?<!pricing )(?<!data )(?<!threat )(?<!operating )(?<!subscription )(?<!revenue )"
    r"models? (?:improvement|performance|quality)\b"
)
# "for ... machine learning or artificial intelligence" names AI as a purpose even without "train".
AI_PURPOSE = _rx(r"\b(?:machine[- ]learning|artificial[- ]intelligence|apprentissage automatique)\b")
# The AI words must be the object of the purpose ("to develop … our machine-learning technologies", "for the
# purpose of … artificial intelligence"), not the subject of a disclaimer ("AI … is still improving").
AI_AS_PURPOSE = _rx(
    r"\b(?:improv\w*|develop\w*|enhanc\w*|train\w*|build\w*|research\w*|purposes?|am[ée]lior\w+|d[ée]velopp\w+|"
    r"pour)\b(?:\W+\w+){0,10}?\W+(?:machine[- ]learning|artificial[- ]intelligence|apprentissage automatique|"
    r"intelligence artificielle)\b|\b(?:machine[- ]learning|artificial[- ]intelligence) purposes?\b"
)
IMPROVE_WORDS = _rx(
    r"\b(?:improv\w+|develop\w*|enhanc\w+|research|new (?:products|services|features)|"
    r"am[ée]lior\w+|d[ée]velopp\w+)\b"
)
