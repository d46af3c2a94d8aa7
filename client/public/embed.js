// Dayline's embed for publishers (docs/embed.md): one script tag puts an event's live timeline in
// the page, where the tag is, and keeps the frame as tall as its content.
//
//   <script src="https://dayline.example/embed.js" data-event="SLUG" async></script>
//
// Optional: data-topics="military,energy", data-q="words", data-limit="10" (1-50),
// data-theme="auto|light|dark", data-title="Live: the election" (the frame's accessible name).
/* global document, window */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var data = script.dataset;
  if (!data.event) {
    console.warn('Dayline embed: add data-event="<event slug>" to the script tag.');
    return;
  }
  // The frame's messages are believed only from the Dayline that served this script.
  var origin = new URL(script.src).origin;
  var src = new URL('/embed/' + encodeURIComponent(data.event), origin);
  ['topics', 'q', 'limit', 'theme'].forEach(function (name) {
    if (data[name]) src.searchParams.set(name, data[name]);
  });

  var frame = document.createElement('iframe');
  frame.src = src.href;
  frame.title = data.title || 'Live updates';
  frame.loading = 'lazy';
  frame.setAttribute('data-dayline-embed', data.event);
  // A first height until the page inside says its own; then it follows the content.
  frame.style.cssText = 'display:block;width:100%;height:480px;border:0;';
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || message.type !== 'dayline:height') return;
    var height = Number(message.height);
    if (!isFinite(height) || height < 0) return;
    frame.style.height = Math.min(Math.ceil(height), 100000) + 'px';
  });
})();
