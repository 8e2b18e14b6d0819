// The first screen's requests, started the moment this tiny classic script arrives — before the
// app's code has been evaluated (which takes most of a second on a slow phone). The app adopts the
// answers in prefetchFirstScreen (web/lib/queries.ts; the shapes are FirstScreenRequests in
// web/lib/first-screen.ts); anything that was not a plain success is asked again the normal way.
// Served as it is (web/public/), so it has no imports and no build step.
(function () {
  function get(path, background) {
    var headers = { accept: 'application/json' };
    if (background) {
      headers['x-background'] = '1';
    }
    return fetch(path, { credentials: 'same-origin', headers: headers }).then(
      function (response) {
        return response.ok
          ? response.json().then(function (body) {
              return { status: response.status, body: body };
            })
          : { status: response.status, body: null };
      },
      function () {
        return { status: 0, body: null };
      },
    );
  }
  var me = get('/api/me', false);
  window.__firstScreen = {
    session: get('/api/session', true),
    me: me,
    board: me.then(function (answer) {
      var body = answer.body;
      if (answer.status !== 200 || !body || body.role !== 'citizen' || !body.personId || window.location.pathname !== '/' || window.location.search) {
        return null;
      }
      var base = '/api/persons/' + body.personId;
      return { personId: body.personId, plan: get(base + '/plan', false), person: get(base, true) };
    }),
  };
})();
