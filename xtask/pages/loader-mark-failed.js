let markFailed = function () {
  var hosts = document.querySelectorAll("[data-factsheet]");
  for (var i = 0; i < hosts.length; i++) hosts[i].setAttribute("data-factsheet-failed", "");
};
