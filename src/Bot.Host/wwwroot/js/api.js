// What both pages ask of the JSON API: a stored snippet, a run, and a failed answer as one line of text.

export async function fetchSnippet(id) {
  const response = await fetch("/api/v1/snippets/" + encodeURIComponent(id));
  if (!response.ok) throw new Error("snippet " + response.status);
  return response.json();
}

export function postRun(body, accept) {
  return fetch(accept === "text/event-stream" ? "/api/v1/run/stream" : "/api/v1/run", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": accept || "application/json" },
    body: JSON.stringify(body),
  });
}

// Problem details (RFC 9457) as "Title: detail"; a body that is not JSON still yields the status.
export async function problemText(response) {
  try {
    const problem = await response.json();
    return (problem.title || "Error") + ": " + (problem.detail || response.status);
  } catch (e) {
    return "Error " + response.status;
  }
}

export function permalinkPath(id) {
  return "/s/" + encodeURIComponent(id);
}
