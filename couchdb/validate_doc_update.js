function (newDoc, oldDoc, userCtx, secObj) {
  // Who may write what in a Pipewise team database. Installed as the design document
  // `_design/pipewise` (see the README, "Team sync on your own CouchDB"); CouchDB runs it on
  // every write, replication included, and refuses the write when it throws.
  //
  // - A manager (a database admin, a server admin, or a user with the role "manager") may
  //   write anything.
  // - A rep writes as themselves: every revision names its writer in `rep`.
  // - A record belongs to the rep who made it (`made_by`, kept by every revision): only
  //   they (or a manager) change or delete it.
  // - Only a manager changes design documents.
  // (The comments sit inside the function: the file must evaluate to the function itself.)
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var adminNames = admins.names || [];
  var adminRoles = admins.roles || [];
  var manager = roles.indexOf('_admin') !== -1 || roles.indexOf('manager') !== -1 ||
    adminNames.indexOf(userCtx.name) !== -1 ||
    roles.some(function (role) { return adminRoles.indexOf(role) !== -1; });
  if (manager) {
    return;
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    throw ({ forbidden: 'Only a manager changes how the team database works.' });
  }
  if (newDoc.rep !== userCtx.name) {
    throw ({ forbidden: 'Each change must be signed by the rep who makes it (' + userCtx.name + ').' });
  }
  var owner = oldDoc ? oldDoc.made_by : newDoc.made_by;
  if (oldDoc && newDoc.made_by !== oldDoc.made_by) {
    throw ({ forbidden: 'A record keeps the rep who made it.' });
  }
  if (owner !== userCtx.name) {
    throw ({ forbidden: 'This record belongs to ' + (owner || 'another rep') + '; only they or a manager can change or delete it.' });
  }
}
