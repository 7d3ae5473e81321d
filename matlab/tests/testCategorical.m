function testCategorical(ctx)
% bigru's minimal categorical, which bigru.setup puts on the path where the interpreter has none (Octave):
% construction, categories, comparisons, indexing, concatenation and display, as MATLAB's behave.
if ~ctx.info.CategoricalShim
  return   % the interpreter's own categorical is in use
end
n = categorical([3; 1; 2; 3; NaN]);
check(isequal(categories(n), {'1'; '2'; '3'}), 'numbers: sorted categories');
check(isequaln(double(n), [3; 1; 2; 3; NaN]), 'double: category numbers, NaN where undefined');
check(isequal(isundefined(n), [false; false; false; false; true]), 'NaN is undefined');
check(numel(n) == 5 && isequal(size(n), [5 1]) && length(n) == 5 && isvector(n) && ~isempty(n), 'size');
t = categorical({'dog', 'cat', '', 'dog'});
check(isequal(categories(t), {'cat'; 'dog'}) && isequal(size(t), [1 4]), 'cellstr: sorted categories, shape kept');
check(isequal(cellstr(t), {'dog', 'cat', '<undefined>', 'dog'}), 'cellstr');
one = categorical('emu');
check(numel(one) == 1 && isequal(categories(one), {'emu'}), 'one string');
v = categorical([1 2 5], [5 2 1]);
check(isequal(categories(v), {'5'; '2'; '1'}) && isequal(double(v), [3 2 1]), 'valueset order');
w = categorical([1 2 5], [1 2], {'one', 'two'});
check(isequal(cellstr(w), {'one', 'two', '<undefined>'}), 'values outside the valueset are undefined; catnames');
check(isequal(n == categorical([3; 3; 2; 1; NaN]), [true; false; true; false; false]), ...
      '== elementwise; undefined equals nothing');
check(isequal(t == 'dog', [true false false true]) && isequal(t ~= 'dog', [false true true false]), ...
      '== and ~= with a string');
check(isequal(t == {'dog', 'dog', '', 'cat'}, [true false false false]), '== with a cell array of strings');
check(mean(n == '3') == 0.4 && sum(n == '3') == 2, 'mean and sum of comparisons');
part = n(2:3);
check(isa(part, 'categorical') && isequal(double(part), [1; 2]) && isequal(categories(part), categories(n)), '()');
check(isequal(cellstr(n(end - 1)), {'3'}) && isequal(size(n(:)'), [1 5]), 'end, (:) and transpose');
check(isequal(size(reshape(n, 1, [])), [1 5]), 'reshape');
both = [n; categorical({'9'})];
check(isequal(categories(both), {'1'; '2'; '3'; '9'}) && isequaln(double(both), [3; 1; 2; 3; NaN; 4]), 'concatenation');
n(1) = '7';
check(isequal(categories(n), {'1'; '2'; '3'; '7'}) && double(n(1)) == 4, 'assigning a new name adds a category');
n(5) = [];
check(numel(n) == 4, 'deletion');
shown = evalc('disp(categorical({''a''; ''b''}))');
check(~isempty(strfind(shown, '2x1 categorical array')) && ~isempty(regexp(shown, '\n\s+a\s*\n\s+b', 'once')), ...
      'disp shows the size and the elements: "%s"', shown);
expectError(@() n == 3, 'combines with a categorical, a string or a cell array of strings, not a double');
expectError(@() categorical([1 2], 'Ordinal', true), 'options such as ''Ordinal'' are not supported');
expectError(@() categorical(struct()), 'data must be numeric, logical, a cell array of strings');
end
