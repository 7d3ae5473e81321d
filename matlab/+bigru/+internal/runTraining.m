function jnet = runTraining(session, fname, plots)
%RUNTRAINING  Follows a training session to its end (internal): prints the verbose lines as they come, updates the
%   training-progress figure (PLOTS) where one can be shown, and returns the Java network. An interruption
%   (Ctrl+C) or an error stops the training thread before leaving.
stopper = onCleanup(@() stopUnfinished(session));
figureState = [];
if plots
  figureState = bigru.internal.progressPlot('open', fname);
end
done = false;
while ~done
  done = session.waitFor(100);
  printLines(session.takeLines());
  if ~isempty(figureState)
    figureState = bigru.internal.progressPlot('update', figureState, session.record());
  end
end
try
  jnet = session.network();
catch err
  bigru.internal.javaError(err, fname, 'invalidArgument');
end
if ~isempty(figureState)
  bigru.internal.progressPlot('finish', figureState, session.record(), char(jnet.stopReason()));
end
clear stopper
end

function printLines(lines)
lines = bigru.internal.cellOfStrings(lines);
if ~isempty(lines)
  fprintf('%s\n', lines{:});
end
end

function stopUnfinished(session)
if ~session.isDone()
  session.stopAndWait();
end
end
