function [Y, score] = scores2label(scores, classNames, dim)
%SCORES2LABEL  The labels of class scores (minibatchpredict's): the class of the largest score, categorical.
%   Y = bigru.scores2label(scores, classNames)
%   Y = bigru.scores2label(scores, classNames, dim)
%   [Y, score] = bigru.scores2label(...)      also the largest scores
%   scores: numSequences-by-numClasses (dim 2), numTimeSteps-by-numClasses-by-numSequences (dim 2), or
%   numClasses along DIM. classNames: the categories of the training labels (categories(TTrain)), as a cell array
%   of strings, a string array or a categorical. Y has the size of scores with DIM of size 1, and classNames as its
%   categories, in their order (in Octave, bigru's minimal categorical).
fname = 'scores2label';
try
  if nargin < 2 || nargin > 3
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected scores2label(scores, classNames) or (scores, classNames, dim)');
  end
  if ~(isnumeric(scores) && isreal(scores))
    bigru.internal.fail(fname, 'invalidValue', ['scores must be a real numeric array (minibatchpredict''s output), ' ...
                        'not a %s'], class(scores));
  end
  if isa(classNames, 'categorical')
    classNames = categories(classNames);
    if isempty(classNames)
      bigru.internal.fail(fname, 'invalidValue', 'classNames is a categorical without categories');
    end
  elseif isa(classNames, 'string')
    classNames = cellstr(classNames);
  elseif ischar(classNames)
    classNames = cellstr(classNames);
  end
  if ~iscellstr(classNames) || isempty(classNames)
    bigru.internal.fail(fname, 'invalidValue', ['classNames must be the class names: a cell array of strings, a ' ...
                        'string array or a categorical']);
  end
  classNames = classNames(:);
  k = numel(classNames);
  if nargin < 3
    if size(scores, 2) == k
      dim = 2;
    elseif size(scores, 1) == k
      dim = 1;
    else
      bigru.internal.fail(fname, 'invalidValue', ['scores is %s, but classNames has %d classes: no dimension of ' ...
                          'scores has one score per class'], sizeText(scores), k);
    end
  elseif ~(isnumeric(dim) && isscalar(dim) && dim >= 1 && dim == round(dim))
    bigru.internal.fail(fname, 'invalidValue', 'dim must be a dimension of scores (a whole number of at least 1)');
  elseif size(scores, dim) ~= k
    bigru.internal.fail(fname, 'invalidValue', ['scores has %d scores along dimension %d, but classNames has %d ' ...
                        'classes'], size(scores, dim), dim, k);
  end
  [score, index] = max(scores, [], dim);
  Y = reshape(categorical(classNames(index(:)), classNames), size(index));
catch err
  bigru.internal.raise(err);
end
end

function text = sizeText(a)
text = strjoin(arrayfun(@num2str, size(a), 'UniformOutput', false), '-by-');
end
