function [seq, steps] = sequences(X, argument, fname)
%SEQUENCES  A cell array of numFeatures-by-numTimeSteps matrices, sent to Java in one call (internal).
%   A numeric matrix is taken as one sequence. STEPS: the time steps of each sequence, a column.
if isnumeric(X) && ~isempty(X)
  X = {X};
end
if ~iscell(X)
  error('bigru:invalidArgument', '%s: %s must be a cell array of numFeatures-by-numTimeSteps matrices, not a %s', ...
        fname, argument, class(X));
end
n = numel(X);
rows = zeros(n, 1);
cols = zeros(n, 1);
parts = cell(n, 1);
for i = 1:n
  xi = X{i};
  if ~((isnumeric(xi) || islogical(xi)) && isreal(xi) && ndims(xi) == 2)
    error('bigru:invalidArgument', '%s: %s{%d} must be a real numeric numFeatures-by-numTimeSteps matrix, not a %s', ...
          fname, argument, i, class(xi));
  end
  rows(i) = size(xi, 1);
  cols(i) = size(xi, 2);
  parts{i} = double(full(xi(:)));
end
values = vertcat(parts{:});
steps = cols;
try
  seq = javaMethod('fromMatlab', bigru.internal.javaClass('Sequences'), argument, values, rows, cols);
catch err
  bigru.internal.javaError(err, fname);
end
end
