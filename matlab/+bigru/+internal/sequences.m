function [seq, steps] = sequences(X, argument, fname, format)
%SEQUENCES  Sequences sent to Java in one call (internal). STEPS: the time steps of each sequence, a column.
%   FORMAT 'CT' (trainNetwork's, classify's, predict's): X is a cell array of numFeatures-by-numTimeSteps
%   matrices, or one such matrix. Otherwise trainnet's InputDataFormats: 'auto' reads a cell array of
%   numTimeSteps-by-numChannels matrices ('TC') or a numeric numTimeSteps-by-numChannels-by-numSequences array
%   ('TCB'); a format names the dimensions of each sequence of a cell array ('TC', 'CT', with or without its 'B')
%   or of a numeric array (three letters: T time, C channels, B sequences; two: one sequence).
if nargin < 4
  format = 'CT';
end
if isa(X, 'dlarray')
  X = extractdata(X);
end
if (isnumeric(X) || islogical(X)) && ~isempty(X)
  [X, format] = numericSequences(X, format, argument, fname);
end
if ~iscell(X)
  bigru.internal.fail(fname, 'invalidData', '%s must be a cell array of %s matrices, not a %s', argument, ...
                      describe(format), class(X));
end
timeByChannel = strcmp(cellFormat(format), 'TC');
n = numel(X);
rows = zeros(n, 1);
cols = zeros(n, 1);
parts = cell(n, 1);
for i = 1:n
  xi = X{i};
  if isa(xi, 'dlarray')
    xi = extractdata(xi);
  end
  if ~((isnumeric(xi) || islogical(xi)) && isreal(xi) && ndims(xi) == 2)
    bigru.internal.fail(fname, 'invalidData', '%s{%d} must be a real numeric %s matrix, not a %s', argument, i, ...
                        describe(format), class(xi));
  end
  rows(i) = size(xi, 1);
  cols(i) = size(xi, 2);
  parts{i} = double(full(xi(:)));
end
values = vertcat(parts{:});
if timeByChannel
  steps = rows;
  method = 'fromMatlabTimeByChannel';
else
  steps = cols;
  method = 'fromMatlab';
end
try
  seq = javaMethod(method, bigru.internal.javaClass('Sequences'), argument, values, rows, cols);
catch err
  bigru.internal.javaError(err, fname, 'invalidData');
end
end

function f = cellFormat(format)
% How each sequence of a cell array is laid out: 'TC' or 'CT' (the position of T before C, B aside).
if strcmpi(format, 'auto')
  f = 'TC';
else
  f = upper(format(ismember(upper(format), 'TC')));
end
end

function text = describe(format)
if strcmp(cellFormat(format), 'TC')
  text = 'numTimeSteps-by-numChannels';
else
  text = 'numFeatures-by-numTimeSteps';
end
end

function [X, format] = numericSequences(X, format, argument, fname)
% A numeric array as a cell array of channels-by-steps sequences (format 'CT'), as its format reads it.
if strcmp(format, 'CT')
  if ndims(X) ~= 2
    bigru.internal.fail(fname, 'invalidData', ['%s is a %s array; give one sequence as a numFeatures-by-' ...
                        'numTimeSteps matrix, or several as a cell array of them'], argument, ...
                        strjoin(arrayfun(@num2str, size(X), 'UniformOutput', false), '-by-'));
  end
  X = {X};
  return
end
if strcmpi(format, 'auto')
  format = 'TCB';
end
format = upper(format);
if numel(format) == 2
  format = [format 'B'];
end
if ndims(X) > 3
  bigru.internal.fail(fname, 'invalidData', '%s has %d dimensions; sequences have at most 3 (%s)', argument, ...
                      ndims(X), format);
end
order = [find(format == 'C'), find(format == 'T'), find(format == 'B')];
X = permute(X, order);
X = squeeze(num2cell(X, [1 2]));
X = X(:);
format = 'CT';
end
