// Runs in <head>, before the first paint: the page is styled for JavaScript from the start, so the
// phone menu is never drawn open and then collapsed when the scripts at the end arrive (layout shift).
document.documentElement.classList.remove("no-js");
