/*
 * keytask's WPS add-in entry, loaded by index.html, which WPS opens (unseen) for the add-in. The
 * ribbon (ribbon.xml) calls these by name. Plain ES5: WPS's embedded Chromium may be old, and this
 * file is not built.
 *
 * The task pane is made once with Application.CreateTaskPane(url) and shown or hidden after; its
 * id is kept in Application.PluginStorage so the button finds it again (the wpsjs templates' way).
 */
/* global Application, document */
/* exported OnAddinLoad, OnAction, GetImage -- called by name from ribbon.xml */
/* eslint-disable @typescript-eslint/no-unused-vars */
var KEYTASK_PANE_ID = 'keytask_taskpane_id';

/** The folder of this add-in, as a URL (the page's own address without its file name). */
function keytaskBase() {
  var href = decodeURI(document.location.toString());
  return href.substring(0, href.lastIndexOf('/'));
}

function OnAddinLoad(ribbonUI) {
  if (typeof Application.ribbonUI !== 'object') Application.ribbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  if (control.Id !== 'keytaskPane') return true;
  var id = Application.PluginStorage.getItem(KEYTASK_PANE_ID);
  var pane = id ? Application.GetTaskPane(id) : null;
  if (!pane) {
    pane = Application.CreateTaskPane(keytaskBase() + '/taskpane.html');
    Application.PluginStorage.setItem(KEYTASK_PANE_ID, pane.ID);
    pane.Visible = true;
  } else {
    pane.Visible = !pane.Visible;
  }
  return true;
}

function GetImage() {
  return 'assets/icon-64.png';
}
