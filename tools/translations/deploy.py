"""Burmese for the deployment pieces: the page onion-only mode shows on a clearnet address (see
tools/my_translations.py). Written for an enquirer on a phone: plain words, Tor Browser named as the app is.
"""

MY = {
    "Open this site in Tor Browser": "ဤဝက်ဘ်ဆိုက်ကို Tor Browser ဖြင့် ဖွင့်ပါ",
    "This site opens only through Tor, at its .onion address. Nothing was sent or kept.": (
        "ဤဝက်ဘ်ဆိုက်ကို Tor မှတစ်ဆင့် ၎င်း၏ .onion လိပ်စာဖြင့်သာ ဖွင့်နိုင်ပါသည်။ ဘာမျှ ပို့ခြင်း သိမ်းဆည်းခြင်း မရှိပါ။"
    ),
}
