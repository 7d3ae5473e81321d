function [ds, classNames, labelKind, orientation] = dataset(la, seq, Y, yName, classNames, fname, timeByChannel)
%DATASET  The targets Y of the sequences SEQ (from sequences, prepared by the layer array), sent to Java in one
%   call, read as the layers need (internal). Given CLASSNAMES (validation data), labels are coded against the
%   training classes. TIMEBYCHANNEL: response sequences are numTimeSteps-by-numResponses (trainnet's), else
%   numResponses-by-numTimeSteps (trainNetwork's).
labelKind = '';
orientation = 'column';
if timeByChannel
  responseShape = 'numTimeSteps-by-numResponses';
else
  responseShape = 'numResponses-by-numTimeSteps';
end
try
  if la.isClassification()
    if la.isPerStep()
      if ~iscell(Y) || iscellstr(Y)
        modeError(la, fname, yName, 'one label per sequence', ...
                  'a cell array of label sequences, one label per time step');
      end
      rows = Y(:);
      counts = cellfun(@numel, rows);
      [codes, classNames, labelKind] = labels(cellfun(@(r) r(:), rows, 'UniformOutput', false), ...
                                                yName, fname, classNames);
      ds = javaMethod('labelsPerStep', bigru.internal.javaClass('MatlabTargets'), seq, yName, codes, counts, ...
                      classNames);
    else
      if iscell(Y) && ~iscellstr(Y)
        modeError(la, fname, yName, 'label sequences', 'one label per sequence (a vector)');
      end
      if isempty(classNames)
        [codes, classNames, labelKind, orientation] = bigru.internal.labelCodes(Y, yName, fname);
      else
        [codes, classNames, labelKind, orientation] = bigru.internal.labelCodes(Y, yName, fname, classNames);
      end
      ds = javaMethod('labelsPerSequence', bigru.internal.javaClass('MatlabTargets'), seq, yName, codes, classNames);
    end
  elseif la.isPerStep()
    if ~iscell(Y)
      modeError(la, fname, yName, 'one response row per sequence', ['a cell array of ' responseShape ' matrices']);
    end
    Y = Y(:);
    for i = 1:numel(Y)
      if ~(isnumeric(Y{i}) && isreal(Y{i}) && ndims(Y{i}) == 2)
        bigru.internal.fail(fname, 'invalidTargets', '%s{%d} must be a real numeric %s matrix', yName, i, ...
                            responseShape);
      end
      if timeByChannel
        Y{i} = Y{i}.';
      end
    end
    values = cellfun(@(y) double(y(:)), Y, 'UniformOutput', false);
    ds = javaMethod('responsesPerStep', bigru.internal.javaClass('MatlabTargets'), seq, yName, ...
                    vertcat(values{:}), cellfun(@(y) size(y, 1), Y), cellfun(@(y) size(y, 2), Y));
  else
    if iscell(Y)
      modeError(la, fname, yName, 'response sequences', 'a numeric matrix, one row of responses per sequence');
    end
    if ~(isnumeric(Y) && isreal(Y) && ndims(Y) == 2)
      bigru.internal.fail(fname, 'invalidTargets', ['%s must be a numeric matrix with one row of responses per ' ...
                          'sequence, because the layers end with a regression output and OutputMode ''last'''], yName);
    end
    if isvector(Y) && numel(Y) == seq.size()
      Y = Y(:);
    end
    ds = javaMethod('responsesPerSequence', bigru.internal.javaClass('MatlabTargets'), seq, yName, ...
                    double(Y(:)), size(Y, 1), size(Y, 2));
  end
catch err
  bigru.internal.javaError(err, fname, 'invalidTargets');
end
end

function modeError(la, fname, yName, given, expected)
% Y has the form the other OutputMode needs: names the layer that decides, and how to change it.
if la.isPerStep()
  [mode, other, does] = deal('sequence', 'last', 'answers every time step');
else
  [mode, other, does] = deal('last', 'sequence', 'answers once per sequence');
end
bigru.internal.fail(fname, 'outputMode', ['%s holds %s, but %s has OutputMode ''%s'', which %s: give that layer ' ...
                    '''OutputMode'', ''%s'' (or give %s as %s)'], yName, given, char(la.lastRecurrentLayer()), mode, ...
                    does, other, yName, expected);
end

function [codes, classNames, kind] = labels(rows, yName, fname, classNames)
% Label rows of one type, coded together (one set of classes for all time steps).
kinds = cellfun(@class, rows, 'UniformOutput', false);
if numel(unique(kinds)) > 1
  bigru.internal.fail(fname, 'invalidTargets', 'the label sequences in %s have different types (%s)', yName, ...
                      strjoin(unique(kinds)', ', '));
end
flat = vertcat(rows{:});
if isempty(classNames)
  [codes, classNames, kind] = bigru.internal.labelCodes(flat, yName, fname);
else
  [codes, classNames, kind] = bigru.internal.labelCodes(flat, yName, fname, classNames);
end
end
